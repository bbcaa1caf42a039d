import net from 'node:net'
import { Connection } from './connection'
import type { BrokerContext } from './context'
import type { ConnectionInfo } from './connection-info'

/** The TCP listener(s): one Connection per socket; a failure in one never reaches the others. */
export class BrokerServer {
  private readonly servers: net.Server[] = []
  private readonly connections = new Map<number, { conn: Connection; socket: net.Socket }>()
  private nextConnectionId = 1

  constructor(
    private readonly broker: BrokerContext,
    private readonly infos: Map<number, ConnectionInfo>,
  ) {}

  /** Listens on host:port and resolves with the bound port. */
  async listen(host: string, port: number): Promise<number> {
    const bound = await this.listenOne(host, port)
    // "localhost" may resolve to ::1 first (Node ≥17 keeps resolver order): serve both loopbacks.
    if (host === '127.0.0.1') await this.listenOne('::1', bound).catch(() => undefined)
    return bound
  }

  private listenOne(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((socket) => this.accept(socket))
      server.once('error', reject)
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject)
        server.on('error', (err) => this.broker.options.log(`listener error: ${err.message}`))
        this.servers.push(server)
        resolve((server.address() as net.AddressInfo).port)
      })
    })
  }

  private accept(socket: net.Socket): void {
    const id = this.nextConnectionId++
    const info: ConnectionInfo = {
      id, remoteAddress: socket.remoteAddress ?? '?', remotePort: socket.remotePort ?? 0, connectedAtMs: Date.now(),
      clientId: null, clientSoftwareName: null, clientSoftwareVersion: null, bytesIn: 0, bytesOut: 0, requestCount: 0,
    }
    this.infos.set(id, info)
    const conn = new Connection(socket, info, this.broker, (reason) => {
      this.connections.delete(id)
      this.infos.delete(id)
      this.broker.events.emit({ type: 'connection-closed', connectionId: id, reason })
    })
    this.connections.set(id, { conn, socket })
    this.broker.events.emit({ type: 'connection-opened', connectionId: id, remoteAddress: info.remoteAddress })
  }

  /** Cuts every client connection at once, as a network failure would: responses not yet written are lost. */
  dropConnections(reason = 'dropped on request'): number {
    const all = [...this.connections.values()]
    for (const { conn } of all) conn.abort(reason)
    return all.length
  }

  async close(): Promise<void> {
    const closing = this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))
    for (const { socket } of this.connections.values()) socket.destroy()
    await Promise.all(closing)
  }
}
