import type { ProduceRecordInput, ProduceSummary, ProduceTemplate, ProduceTemplateInput } from '../../../../electron/ipc/contract'
import { ImportJsonl } from './import-jsonl'
import { placeholders } from './json-check'
import { TemplatesPanel } from './templates-panel'

/** The produce studio's right column: placeholder reference, saved templates, JSON Lines import. */
export function ProduceSide({ topic, busy, onInsert, onLoad, current, runRecords }: {
  topic: string; busy: boolean; onInsert: (token: string) => void; onLoad: (t: ProduceTemplate) => void
  current: () => Omit<ProduceTemplateInput, 'name'>; runRecords: (records: ProduceRecordInput[]) => Promise<ProduceSummary>
}) {
  return (
    <div className="col" style={{ gap: 'var(--s-3)' }}>
      <div className="card">
        <div className="card-header"><h3>Placeholders</h3><span className="muted" style={{ fontSize: 'var(--fs-sm)' }}>click to insert</span></div>
        <div className="card-body placeholder-list">
          {placeholders.map((p) => (
            <button key={p.token} type="button" className="placeholder" title={`Insert ${p.token}`} onClick={() => onInsert(p.token)}>
              <code>{p.token}</code><span className="faint">{p.doc}</span>
            </button>
          ))}
        </div>
      </div>
      <TemplatesPanel topic={topic} onLoad={onLoad} current={current} />
      <ImportJsonl topic={topic} busy={busy} run={runRecords} />
    </div>
  )
}
