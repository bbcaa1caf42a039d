import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { icons } from '../../components/icons'
import { ErrorState } from '../../components/states'
import { Tabs } from '../../components/tabs'
import { formatBytes, formatCount } from '../../lib/format'
import { href, type TopicTab } from '../../lib/router'
import { MessageBrowser } from '../messages/message-browser'
import { ConfigsTab } from './configs-tab'
import { TopicClientsPanel } from '../clients/topic-clients-panel'
import { ConsumersTab } from './consumers-tab'
import { DeleteTopicDialog } from './delete-topic-dialog'
import { LanesTab } from './lanes-tab'
import { PartitionsTab } from './partitions-tab'
import { topicQueries } from './queries'

export function TopicPage({ topic, tab }: { topic: string; tab: TopicTab }) {
  const detail = useQuery(topicQueries.detail(topic))
  const [deleting, setDeleting] = useState(false)
  const d = detail.data
  const overrides = d?.configs.filter((c) => c.source === 'topic').length ?? 0
  const tabs: { id: TopicTab; label: React.ReactNode }[] = [
    { id: 'messages', label: 'Messages' },
    { id: 'partitions', label: <>Partitions {d && <span className="badge">{d.partitions.length}</span>}</> },
    { id: 'configs', label: <>Configs {overrides > 0 && <span className="badge accent">{overrides}</span>}</> },
    { id: 'consumers', label: 'Consumers' },
    { id: 'lanes', label: 'Live lanes' },
  ]

  return (
    <div className="page">
      <div className="breadcrumb"><a href="#/topics">← All topics</a></div>
      <div className="page-header" style={{ marginTop: -8 }}>
        <h1 className="mono" style={{ fontFamily: 'var(--mono)', fontSize: 'var(--fs-xl)' }}>{topic}</h1>
        {d?.internal && <span className="badge">internal</span>}
        {d && <span className="subtitle">{formatCount(d.messages)} messages · {d.partitions.length} partitions · {formatBytes(d.sizeBytes)}</span>}
        <span className="spacer" />
        <a className="btn" href={href({ name: 'produce', topic })}>{icons.produce} Produce</a>
        <button className="btn danger" onClick={() => setDeleting(true)}>{icons.trash} Delete</button>
      </div>
      <Tabs tabs={tabs} value={tab} hrefFor={(id) => href({ name: 'topic', topic, tab: id })} />
      {detail.isError ? <ErrorState error={detail.error} retry={() => void detail.refetch()} /> : (
        <>
          {tab === 'messages' && <MessageBrowser topic={topic} partitionCount={d?.partitions.length ?? 0} />}
          {tab === 'partitions' && <PartitionsTab detail={d} />}
          {tab === 'configs' && <ConfigsTab topic={topic} configs={d?.configs} />}
          {tab === 'consumers' && <><TopicClientsPanel topic={topic} /><ConsumersTab topic={topic} /></>}
          {tab === 'lanes' && <><LanesTab topic={topic} /><TopicClientsPanel topic={topic} /></>}
        </>
      )}
      {deleting && <DeleteTopicDialog topic={topic} leave onClose={() => setDeleting(false)} />}
    </div>
  )
}
