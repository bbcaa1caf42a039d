import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { navigate, type Route } from './router'

/** Two-key "g then x" shortcuts, in the style of GitHub/Gmail; the second key must follow within 1 s. */
export const goShortcuts: { key: string; label: string; route: Route }[] = [
  { key: 'o', label: 'Overview', route: { name: 'overview' } },
  { key: 't', label: 'Topics', route: { name: 'topics' } },
  { key: 'g', label: 'Consumer groups', route: { name: 'groups' } },
  { key: 'p', label: 'Produce', route: { name: 'produce' } },
  { key: 'c', label: 'Clients', route: { name: 'clients' } },
  { key: 'i', label: 'Protocol inspector', route: { name: 'inspector' } },
  { key: 'k', label: 'Connect a client (snippets)', route: { name: 'connect' } },
]

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useGlobalShortcuts(onHelp: () => void): void {
  const pendingG = useRef(0)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-search]')
        if (search) { e.preventDefault(); search.focus(); search.select() }
        return
      }
      if (e.key === '?') { onHelp(); return }
      if (Date.now() - pendingG.current < 1000) {
        pendingG.current = 0
        const hit = goShortcuts.find((s) => s.key === e.key)
        if (hit) { e.preventDefault(); navigate(hit.route) }
        return
      }
      if (e.key === 'g') pendingG.current = Date.now()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onHelp])
}

/**
 * Arrow-key selection for a list or table: Up/Down (and j/k) move, Home/End jump, Enter opens.
 * Returns the selected index and a keydown handler for the focusable container.
 */
export function useListNavigation(count: number, onOpen: (index: number) => void) {
  const [selected, setSelected] = useState(-1)
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i))
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (count === 0) return
    const moves: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 }
    const step = moves[e.key]
    if (step !== undefined) { e.preventDefault(); setSelected((s) => clamp(s < 0 ? 0 : s + step)) }
    else if (e.key === 'Home') { e.preventDefault(); setSelected(0) }
    else if (e.key === 'End') { e.preventDefault(); setSelected(count - 1) }
    else if (e.key === 'Enter' && selected >= 0) { e.preventDefault(); onOpen(selected) }
  }
  return { selected: selected >= count ? count - 1 : selected, setSelected, onKeyDown }
}
