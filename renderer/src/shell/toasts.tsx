import { useToasts } from '../lib/toast'

export function Toasts() {
  const toasts = useToasts()
  return (
    <div className="toast-host" aria-live="polite">
      {toasts.map((t) => <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>{t.text}</div>)}
    </div>
  )
}
