import type { ReactNode } from 'react'
import { icons } from '../components/icons'
import { href, type Route } from '../lib/router'
import type { ThemePreference } from '../lib/theme'
import { ClusterSwitcher } from '../features/clusters/cluster-switcher'

const items: { id: Route['name']; label: string; icon: ReactNode; route: Route; keys: string }[] = [
  { id: 'overview', label: 'Overview', icon: icons.overview, route: { name: 'overview' }, keys: 'g o' },
  { id: 'topics', label: 'Topics', icon: icons.topics, route: { name: 'topics' }, keys: 'g t' },
  { id: 'groups', label: 'Consumer groups', icon: icons.groups, route: { name: 'groups' }, keys: 'g g' },
  { id: 'produce', label: 'Produce', icon: icons.produce, route: { name: 'produce' }, keys: 'g p' },
  { id: 'clients', label: 'Clients', icon: icons.clients, route: { name: 'clients' }, keys: 'g c' },
  { id: 'inspector', label: 'Inspector', icon: icons.inspector, route: { name: 'inspector' }, keys: 'g i' },
  { id: 'connect', label: 'Connect a client', icon: icons.code, route: { name: 'connect' }, keys: 'g k' },
]

function isActive(item: Route['name'], route: Route): boolean {
  return item === route.name || (item === 'topics' && route.name === 'topic') || (item === 'groups' && route.name === 'group')
}

export function Sidebar({ route, theme, onTheme, onHelp }: {
  route: Route; theme: ThemePreference; onTheme: (t: ThemePreference) => void; onHelp: () => void
}) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand"><span className="brand-mark" aria-hidden />Brooklet</div>
      <ClusterSwitcher />
      {items.map((item) => (
        <a key={item.id} className="nav-item" href={href(item.route)} aria-current={isActive(item.id, route) ? 'page' : undefined}>
          {item.icon}<span>{item.label}</span><kbd>{item.keys}</kbd>
        </a>
      ))}
      <div className="sidebar-footer">
        <button className="btn ghost sm" onClick={onHelp} style={{ justifyContent: 'flex-start' }}>
          {icons.keyboard} Shortcuts <kbd style={{ marginLeft: 'auto' }}>?</kbd>
        </button>
        <div className="theme-switch" role="group" aria-label="Theme">
          {(['light', 'dark', 'system'] as const).map((t) => (
            <button key={t} aria-pressed={theme === t} onClick={() => onTheme(t)}>{t[0]!.toUpperCase() + t.slice(1)}</button>
          ))}
        </div>
      </div>
    </nav>
  )
}
