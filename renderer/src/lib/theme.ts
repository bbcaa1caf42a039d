import { useEffect, useState } from 'react'

export type ThemePreference = 'light' | 'dark' | 'system'
const storageKey = 'brooklet.theme'

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

function apply(pref: ThemePreference): void {
  document.documentElement.dataset.theme = pref === 'system' ? systemTheme() : pref
}

export function readThemePreference(): ThemePreference {
  const saved = localStorage.getItem(storageKey)
  return saved === 'light' || saved === 'dark' ? saved : 'system'
}

/** Applies before first paint (called from main.tsx) so the page never flashes the wrong theme. */
export function applyInitialTheme(): void {
  apply(readThemePreference())
}

export function useTheme(): [ThemePreference, (p: ThemePreference) => void] {
  const [pref, setPref] = useState<ThemePreference>(readThemePreference)
  useEffect(() => {
    apply(pref)
    localStorage.setItem(storageKey, pref)
    if (pref !== 'system') return
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => apply('system')
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [pref])
  return [pref, setPref]
}
