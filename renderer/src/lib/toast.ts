import { useSyncExternalStore } from 'react'

/** Transient UI notices only (never server data). */
export interface Toast { id: number; text: string; kind: 'info' | 'error' }
let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = nextId++
  toasts = [...toasts, { id, text, kind }]
  emit()
  setTimeout(() => { toasts = toasts.filter((t) => t.id !== id); emit() }, kind === 'error' ? 6000 : 2500)
}

export function useToasts(): Toast[] {
  return useSyncExternalStore((cb) => { listeners.add(cb); return () => listeners.delete(cb) }, () => toasts)
}

export async function copyText(text: string, what = 'Copied'): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    // Clipboard API is refused without focus or in some sandboxes; the textarea fallback still works there.
    const ta = document.createElement('textarea')
    ta.value = text
    document.body.appendChild(ta)
    ta.select()
    document.execCommand('copy')
    ta.remove()
  }
  toast(`${what} to clipboard`)
}
