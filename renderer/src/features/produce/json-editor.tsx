import { useRef } from 'react'
import { checkJson } from './json-check'

/** A textarea with live JSON validation; the error names line and column and a button moves the caret there. */
export function JsonEditor({ value, onChange, json, template, rows = 12, label, id }: {
  value: string; onChange: (v: string) => void; json: boolean; template: boolean; rows?: number; label: string; id: string
}) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const problem = json ? checkJson(value, template) : null
  const jump = () => {
    const ta = ref.current
    if (!ta || !problem) return
    ta.focus()
    ta.setSelectionRange(problem.position, Math.min(value.length, problem.position + 1))
  }
  const format = () => {
    if (problem || template) return
    try { onChange(JSON.stringify(JSON.parse(value), null, 2)) } catch { /* already reported by checkJson */ }
  }
  return (
    <div className="field">
      <div className="row">
        <label htmlFor={id}>{label}</label>
        <span className="spacer" />
        {json && value.trim() !== '' && (problem
          ? <button type="button" className="badge danger" style={{ cursor: 'pointer' }} onClick={jump} data-testid={`${id}-error`}>Line {problem.line}, column {problem.column}: {problem.message}</button>
          : <span className="badge ok">valid JSON</span>)}
        {json && !template && <button type="button" className="btn ghost sm" onClick={format} disabled={!!problem}>Format</button>}
      </div>
      <textarea ref={ref} id={id} className={`textarea ${problem ? 'invalid' : ''}`} rows={rows} spellCheck={false} value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // Tab indents instead of leaving the editor; Shift+Tab still moves focus for keyboard users.
          if (e.key !== 'Tab' || e.shiftKey) return
          e.preventDefault()
          const ta = e.currentTarget
          const { selectionStart: s, selectionEnd: end } = ta
          onChange(value.slice(0, s) + '  ' + value.slice(end))
          requestAnimationFrame(() => ta.setSelectionRange(s + 2, s + 2))
        }} />
    </div>
  )
}
