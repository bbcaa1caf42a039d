import type { ProduceHeaderInput } from '../../../../electron/ipc/contract'

/**
 * Hand-off from the message browser's "Replay" to the produce form: a one-shot draft of form input
 * (not server state), read once by the produce page when it mounts.
 */
export interface ReplayDraft {
  topic: string
  key: { text: string; encoding: 'text' | 'base64' } | null
  value: { text: string; encoding: 'text' | 'base64' } | null
  headers: ProduceHeaderInput[]
  partition: number
}

let draft: ReplayDraft | null = null

export function setReplayDraft(d: ReplayDraft): void {
  draft = d
}

export function takeReplayDraft(topic: string | undefined): ReplayDraft | null {
  const d = draft
  draft = null
  return d && d.topic === topic ? d : null
}
