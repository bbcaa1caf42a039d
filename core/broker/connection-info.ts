/** Live facts about one client connection, shown by the console's Clients view. */
export interface ConnectionInfo {
  readonly id: number
  readonly remoteAddress: string
  readonly remotePort: number
  readonly connectedAtMs: number
  clientId: string | null
  /** From ApiVersions v3+ (KIP-511). */
  clientSoftwareName: string | null
  clientSoftwareVersion: string | null
  bytesIn: number
  bytesOut: number
  requestCount: number
}
