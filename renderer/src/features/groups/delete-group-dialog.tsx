import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Dialog } from '../../components/dialog'
import { api, describeError, unwrap } from '../../lib/api'
import { navigate } from '../../lib/router'
import { toast } from '../../lib/toast'
import { brokerKeys } from '../broker/queries'
import { groupKeys } from './queries'

export function DeleteGroupDialog({ groupId, onClose }: { groupId: string; onClose: () => void }) {
  const client = useQueryClient()
  const del = useMutation({
    mutationFn: () => api.invoke('groups:delete', groupId).then(unwrap),
    onSuccess: () => {
      client.removeQueries({ queryKey: groupKeys.detail(groupId) })
      client.removeQueries({ queryKey: groupKeys.lag(groupId) })
      void client.invalidateQueries({ queryKey: groupKeys.list() })
      void client.invalidateQueries({ queryKey: brokerKeys.overview() })
      toast(`Deleted group ${groupId}`)
      onClose()
      navigate({ name: 'groups' })
    },
  })
  return (
    <Dialog title={`Delete ${groupId}?`} onClose={onClose}
      description="Its committed offsets and lag history are removed; consumers that join later start from their auto.offset.reset position."
      footer={<><button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn danger solid" disabled={del.isPending} onClick={() => del.mutate()}>{del.isPending ? 'Deleting…' : 'Delete group'}</button></>}>
      {del.isError ? <div className="error-banner" role="alert">{describeError(del.error).hint}</div> : <p style={{ margin: 0 }}>Only an empty group can be deleted; this one has no active members.</p>}
    </Dialog>
  )
}
