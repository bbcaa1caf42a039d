import { Dialog } from '../components/dialog'
import { goShortcuts } from '../lib/keyboard'

const other: [string, string][] = [
  ['/', 'Focus the search or filter box'],
  ['↑ ↓ or j k', 'Move through a list'],
  ['Enter', 'Open the selected row'],
  ['Esc', 'Close a dialog or panel'],
  ['?', 'Show this help'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} width={440} footer={<button className="btn" onClick={onClose}>Close</button>}>
      <table className="table">
        <tbody>
          {goShortcuts.map((s) => <tr key={s.key}><td><kbd>g</kbd> then <kbd>{s.key}</kbd></td><td>Go to {s.label}</td></tr>)}
          {other.map(([k, d]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{d}</td></tr>)}
        </tbody>
      </table>
    </Dialog>
  )
}
