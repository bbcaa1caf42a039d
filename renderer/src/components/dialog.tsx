import { useEffect, useRef, type ReactNode } from 'react'

/** Modal dialog: Escape and backdrop click close it; focus moves into it on open and returns on close. */
export function Dialog({ title, description, children, footer, onClose, width }: {
  title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode; onClose: () => void; width?: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button')
    first?.focus()
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); onClose() } }
    window.addEventListener('keydown', onKey)
    return () => { window.removeEventListener('keydown', onKey); previous?.focus() }
  }, [onClose])
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose() }}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title} ref={ref} style={width ? { width } : undefined}>
        <header><h2>{title}</h2>{description && <p>{description}</p>}</header>
        <div className="body">{children}</div>
        {footer && <footer>{footer}</footer>}
      </div>
    </div>
  )
}
