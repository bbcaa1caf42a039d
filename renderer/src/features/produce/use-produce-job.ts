import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { ProduceProgress, ProduceRecordsRequest, ProduceRequest, ProduceSummary } from '../../../../electron/ipc/contract'
import { api, unwrap } from '../../lib/api'
import { brokerKeys } from '../broker/queries'
import { messageKeys } from '../messages/queries'
import { topicKeys } from '../topics/queries'

export type ProduceJob =
  | { kind: 'send'; request: Omit<ProduceRequest, 'jobId'> }
  | { kind: 'records'; request: Omit<ProduceRecordsRequest, 'jobId'> }

function newJobId(): string {
  return `produce-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** Runs one produce job at a time, with progress from `produce:progress` matched by the job id we choose. */
export function useProduceJob() {
  const client = useQueryClient()
  const jobId = useRef<string | null>(null)
  const [progress, setProgress] = useState<ProduceProgress | null>(null)
  useEffect(() => api.on('produce:progress', (p) => { if (p.jobId === jobId.current) setProgress(p) }), [])

  const mutation = useMutation({
    mutationFn: (job: ProduceJob): Promise<ProduceSummary> => {
      const id = newJobId()
      jobId.current = id
      setProgress(null)
      return job.kind === 'send'
        ? api.invoke('produce:send', { ...job.request, jobId: id }).then(unwrap)
        : api.invoke('produce:records', { ...job.request, jobId: id }).then(unwrap)
    },
    onSettled: (_data, _err, job) => {
      // A browse page already loaded is a snapshot; new messages should show when the user comes back.
      void client.invalidateQueries({ queryKey: messageKeys.topic(job.request.topic) })
      void client.invalidateQueries({ queryKey: topicKeys.detail(job.request.topic) })
      void client.invalidateQueries({ queryKey: topicKeys.list() })
      void client.invalidateQueries({ queryKey: brokerKeys.overview() })
    },
  })
  const cancel = () => { if (jobId.current) void api.invoke('produce:cancel', jobId.current) }
  return { ...mutation, progress, cancel }
}
