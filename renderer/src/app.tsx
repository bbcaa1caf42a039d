import { useCallback, useState } from 'react'
import { EmptyState } from './components/states'
import { icons } from './components/icons'
import { ClientsPage } from './features/clients/clients-page'
import { ConnectPage } from './features/connect/connect-page'
import { InspectorPage } from './features/inspector/inspector-page'
import { GroupPage } from './features/groups/group-page'
import { GroupsPage } from './features/groups/groups-page'
import { OverviewPage } from './features/overview/overview-page'
import { ProducePage } from './features/produce/produce-page'
import { TopicPage } from './features/topics/topic-page'
import { TopicsPage } from './features/topics/topics-page'
import { hasBridge } from './lib/api'
import { useGlobalShortcuts } from './lib/keyboard'
import { useRoute, type Route } from './lib/router'
import { useTheme } from './lib/theme'
import { ShortcutsDialog } from './shell/shortcuts-dialog'
import { Sidebar } from './shell/sidebar'
import { StatusBar } from './shell/status-bar'
import { Toasts } from './shell/toasts'

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview': return <OverviewPage />
    case 'topics': return <TopicsPage />
    case 'topic': return <TopicPage key={route.topic} topic={route.topic} tab={route.tab} />
    case 'groups': return <GroupsPage />
    case 'group': return <GroupPage key={route.groupId} groupId={route.groupId} />
    case 'produce': return <ProducePage key={route.topic ?? ''} initialTopic={route.topic} />
    case 'clients': return <ClientsPage />
    case 'inspector': return <InspectorPage />
    case 'connect': return <ConnectPage />
    case 'not-found':
      return (
        <div className="page">
          <EmptyState title="Page not found" action={<a className="btn" href="#/">Go to Overview</a>}>
            There is nothing at <code>{route.path}</code>.
          </EmptyState>
        </div>
      )
  }
}

export function App() {
  const route = useRoute()
  const [theme, setTheme] = useTheme()
  const [help, setHelp] = useState(false)
  const openHelp = useCallback(() => setHelp(true), [])
  const closeHelp = useCallback(() => setHelp(false), [])
  useGlobalShortcuts(openHelp)

  return (
    <div className="app">
      <Sidebar route={route} theme={theme} onTheme={setTheme} onHelp={openHelp} />
      <main className="main">
        {hasBridge() ? <Page route={route} /> : (
          <div className="page">
            <EmptyState title="Not connected to Brooklet" icon={icons.plug}>
              This page needs the Brooklet backend. Start it with <code>npm start</code> (desktop) or
              {' '}<code>brooklet serve --ui</code> (browser) and open the address it prints.
            </EmptyState>
          </div>
        )}
      </main>
      <StatusBar />
      {help && <ShortcutsDialog onClose={closeHelp} />}
      <Toasts />
    </div>
  )
}
