import type { ReactNode, SVGProps } from 'react'

/** A small hand-drawn icon set (24x24, stroke) so the console needs no icon dependency. */
function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden {...props}>
      {children}
    </svg>
  )
}

export const icons = {
  overview: <Icon><rect x="3" y="3" width="7" height="9" rx="1.5" /><rect x="14" y="3" width="7" height="5" rx="1.5" /><rect x="14" y="12" width="7" height="9" rx="1.5" /><rect x="3" y="16" width="7" height="5" rx="1.5" /></Icon>,
  topics: <Icon><path d="M4 6h16M4 12h16M4 18h10" /></Icon>,
  groups: <Icon><circle cx="9" cy="8" r="3" /><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6" /><circle cx="17" cy="9" r="2.5" /><path d="M16 14.2c2.9.4 5 2.8 5 5.8" /></Icon>,
  produce: <Icon><path d="M4 12h12M12 6l6 6-6 6" /><path d="M20 4v16" /></Icon>,
  clients: <Icon><rect x="3" y="4" width="18" height="12" rx="2" /><path d="M8 20h8M12 16v4" /></Icon>,
  search: <Icon><circle cx="11" cy="11" r="6.5" /><path d="M20 20l-4-4" /></Icon>,
  plus: <Icon><path d="M12 5v14M5 12h14" /></Icon>,
  trash: <Icon><path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" /></Icon>,
  copy: <Icon><rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" /></Icon>,
  download: <Icon><path d="M12 4v11M7 10l5 5 5-5M5 20h14" /></Icon>,
  upload: <Icon><path d="M12 20V9M7 14l5-5 5 5M5 4h14" /></Icon>,
  play: <Icon><path d="M7 5l12 7-12 7z" /></Icon>,
  pause: <Icon><path d="M8 5v14M16 5v14" /></Icon>,
  replay: <Icon><path d="M4 12a8 8 0 1 0 3-6.2" /><path d="M4 4v4h4" /></Icon>,
  close: <Icon><path d="M6 6l12 12M18 6L6 18" /></Icon>,
  inbox: <Icon><path d="M3 13l3-8h12l3 8v6H3z" /><path d="M3 13h5l1 3h6l1-3h5" /></Icon>,
  alert: <Icon><path d="M12 3l10 18H2z" /><path d="M12 10v5M12 18h.01" /></Icon>,
  plug: <Icon><path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" /></Icon>,
  chevron: <Icon><path d="M9 6l6 6-6 6" /></Icon>,
  chevronDown: <Icon><path d="M6 9l6 6 6-6" /></Icon>,
  refresh: <Icon><path d="M20 12a8 8 0 1 1-2.3-5.7L20 8" /><path d="M20 3v5h-5" /></Icon>,
  keyboard: <Icon><rect x="2" y="6" width="20" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" /></Icon>,
  inspector: <Icon><path d="M3 6h8M3 12h5M3 18h8" /><circle cx="16" cy="13" r="4" /><path d="M19 16l2.5 2.5" /></Icon>,
  code: <Icon><path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14" /></Icon>,
  server: <Icon><rect x="3" y="4" width="18" height="7" rx="1.5" /><rect x="3" y="13" width="18" height="7" rx="1.5" /><path d="M7 7.5h.01M7 16.5h.01" /></Icon>,
}
