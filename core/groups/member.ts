import type { TimerHandle } from './clock'
import type { GroupProtocol, JoinRequest, JoinResult, SyncResult } from './types'

/** One member of a classic group. Pending join/sync responses are kept as resolvers. */
export class Member {
  assignment: Buffer = Buffer.alloc(0)
  joinResolve: ((r: JoinResult) => void) | undefined
  syncResolve: ((r: SyncResult) => void) | undefined
  sessionTimer: TimerHandle | undefined

  constructor(
    public memberId: string,
    public readonly groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public sessionTimeoutMs: number,
    public rebalanceTimeoutMs: number,
    public protocolType: string,
    public protocols: GroupProtocol[],
  ) {}

  static fromJoin(memberId: string, req: JoinRequest): Member {
    return new Member(memberId, req.groupInstanceId, req.clientId, req.clientHost, req.sessionTimeoutMs,
      req.rebalanceTimeoutMs, req.protocolType, req.protocols)
  }

  /** Applies a rejoin's parameters (JoinGroup may change timeouts and subscriptions). */
  update(req: JoinRequest): void {
    this.clientId = req.clientId
    this.clientHost = req.clientHost
    this.sessionTimeoutMs = req.sessionTimeoutMs
    this.rebalanceTimeoutMs = req.rebalanceTimeoutMs
    this.protocols = req.protocols
  }

  get awaitingJoin(): boolean {
    return this.joinResolve !== undefined
  }

  get awaitingSync(): boolean {
    return this.syncResolve !== undefined
  }

  metadataFor(protocolName: string | null): Buffer {
    return this.protocols.find((p) => p.name === protocolName)?.metadata ?? Buffer.alloc(0)
  }

  /** Same protocols, same order, same metadata: a rejoin that changes nothing needs no rebalance. */
  sameProtocols(protocols: GroupProtocol[]): boolean {
    return protocols.length === this.protocols.length &&
      protocols.every((p, i) => p.name === this.protocols[i]?.name && p.metadata.equals(this.protocols[i]!.metadata))
  }

  resolveJoin(result: JoinResult): void {
    const resolve = this.joinResolve
    this.joinResolve = undefined
    resolve?.(result)
  }

  resolveSync(result: SyncResult): void {
    const resolve = this.syncResolve
    this.syncResolve = undefined
    resolve?.(result)
  }
}

/** Protocol names that every member lists. */
export function commonProtocols(members: Iterable<{ protocols: GroupProtocol[] }>): Set<string> | undefined {
  let common: Set<string> | undefined
  for (const m of members) {
    const names = new Set(m.protocols.map((p) => p.name))
    common = common ? new Set([...common].filter((n) => names.has(n))) : names
  }
  return common
}

/**
 * Kafka's classic selection: among protocols all members support, each member votes for the first one in
 * its own preference order; most votes wins (ties: earlier in the first member's list).
 */
export function selectProtocol(members: Member[]): string | null {
  const common = commonProtocols(members)
  if (!common || common.size === 0) return null
  const votes = new Map<string, number>()
  for (const m of members) {
    const choice = m.protocols.find((p) => common.has(p.name))
    if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1)
  }
  let best: string | null = null
  let bestVotes = -1
  for (const p of members[0]?.protocols ?? []) {
    const v = votes.get(p.name) ?? -1
    if (common.has(p.name) && v > bestVotes) {
      best = p.name
      bestVotes = v
    }
  }
  return best
}

export function joinError(memberId: string, errorCode: number): JoinResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [], skipAssignment: false }
}

export function syncError(errorCode: number): SyncResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) }
}
