import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Dialog } from '../../components/dialog'
import { api, describeError, unwrap } from '../../lib/api'
import { navigate } from '../../lib/router'
import { toast } from '../../lib/toast'
import { brokerKeys } from '../broker/queries'
import { messageKeys } from '../messages/queries'
import { topicKeys } from './queries'

/** Deleting is irreversible, so the user types the topic's name to confirm (as GitHub does for repositories). */
export function DeleteTopicDialog({ topic, onClose, leave }: { topic: string; onClose: () => void; leave?: boolean }) {
  const client = useQueryClient()
  const [typed, setTyped] = useState('')
  const del = useMutation({
    mutationFn: () => api.invoke('topics:delete', topic).then(unwrap),
    onSuccess: () => {
      client.removeQueries({ queryKey: topicKeys.detail(topic) })
      client.removeQueries({ queryKey: messageKeys.topic(topic) })
      void client.invalidateQueries({ queryKey: topicKeys.list() })
      void client.invalidateQueries({ queryKey: brokerKeys.overview() })
      toast(`Deleted topic ${topic}`)
      onClose()
      if (leave) navigate({ name: 'topics' })
    },
  })
  return (
    <Dialog title={`Delete ${topic}?`} onClose={onClose}
      description="All of its messages and committed consumer offsets are removed. This cannot be undone."
      footer={<><button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn danger solid" disabled={typed !== topic || del.isPending} onClick={() => del.mutate()}>{del.isPending ? 'Deleting…' : 'Delete topic'}</button></>}>
      <div className="field">
        <label htmlFor="confirm-topic">Type <code>{topic}</code> to confirm</label>
        <input id="confirm-topic" className="input mono" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && typed === topic) del.mutate() }} />
      </div>
      {del.isError && <div className="error-banner" role="alert">{describeError(del.error).hint}</div>}
    </Dialog>
  )
}
