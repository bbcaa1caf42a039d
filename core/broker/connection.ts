import type { Socket } from 'node:net'
import { once } from 'node:events'
import { FrameSplitter, FrameTooLargeError } from './frame-splitter'
import { dispatch, MalformedRequestError } from './dispatch'
import type { BrokerContext } from './context'
import type { ConnectionInfo } from './connection-info'

/**
 * One client connection. Requests may be pipelined (clients send up to 5 in flight); they are
 * handled one at a time and answered strictly in arrival order, because clients match responses
 * by order and check correlation ids (CLIENTS.md pitfall 4).
 */
/** Stop reading from a client while this many request bytes wait to be handled. */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024
/** Stop handling a client's requests while this many response bytes wait for it to read them. */
const MAX_UNREAD_RESPONSE_BYTES = 16 * 1024 * 1024

export class Connection {
  private readonly splitter: FrameSplitter
  private readonly queue: Buffer[] = []
  private queuedBytes = 0
  private draining = false
  private closed = false

  constructor(
    private readonly socket: Socket,
    readonly info: ConnectionInfo,
    private readonly broker: BrokerContext,
    private readonly onClose: (reason: string | null) => void,
  ) {
    this.splitter = new FrameSplitter(broker.options.maxFrameBytes)
    socket.setNoDelay(true)
    socket.on('data', (chunk) => this.receive(chunk))
    socket.on('error', (err) => this.close(`socket error: ${err.message}`))
    socket.on('close', () => this.close(null))
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return
    this.info.bytesIn += chunk.length
    let frames: Buffer[]
    try {
      frames = this.splitter.push(chunk)
    } catch (err) {
      const reason = err instanceof FrameTooLargeError ? err.message : `bad frame: ${String(err)}`
      return this.abort(reason)
    }
    if (frames.length === 0) return
    for (const frame of frames) {
      this.queue.push(frame)
      this.queuedBytes += frame.length
    }
    // Stop reading while a backlog exists: a client cannot make us buffer without bound.
    if (this.queue.length > 64 || this.queuedBytes > MAX_QUEUED_BYTES) this.socket.pause()
    if (!this.draining) void this.drain()
  }

  private async drain(): Promise<void> {
    this.draining = true
    while (!this.closed) {
      const frame = this.queue.shift()
      if (!frame) break
      this.queuedBytes -= frame.length
      if (this.socket.isPaused() && this.queue.length < 16 && this.queuedBytes < MAX_QUEUED_BYTES / 2) this.socket.resume()
      await this.handleFrame(frame)
      // A client that stops reading its responses (while pipelining fetches) must not grow our memory.
      if (this.socket.writableLength > MAX_UNREAD_RESPONSE_BYTES && !this.closed) {
        await Promise.race([once(this.socket, 'drain'), once(this.socket, 'close')])
      }
    }
    this.draining = false
  }

  private async handleFrame(frame: Buffer): Promise<void> {
    const started = performance.now()
    const startedAtMs = Date.now()
    try {
      const result = await dispatch(frame, this.info, this.broker)
      this.info.requestCount++
      const pieces = result.response
      const size = pieces ? byteLength(pieces) : 0
      if (pieces && !this.closed) this.send(pieces, size)
      if (this.broker.events.hasRequestListeners) {
        this.broker.events.emitRequest({
          connectionId: this.info.id, clientId: this.info.clientId, apiKey: result.apiKey, apiVersion: result.apiVersion,
          correlationId: result.correlationId, requestBytes: frame.length + 4, responseBytes: pieces ? size + 4 : 0,
          startedAtMs, durationMs: performance.now() - started, request: frame,
          // Joined only for a listener that reads it: most (stats) never do, and a Fetch response is MiBs.
          get response() {
            return pieces && (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size))
          },
        })
      }
    } catch (err) {
      const reason = err instanceof MalformedRequestError ? `malformed request: ${err.message}` : `handler failed: ${(err as Error)?.stack ?? String(err)}`
      this.abort(reason)
    }
  }

  /** Writes the size prefix and the pieces in one corked batch (a single writev, no joining copy). */
  private send(pieces: Buffer[], size: number): void {
    const prefix = Buffer.allocUnsafe(4)
    prefix.writeInt32BE(size, 0)
    this.socket.cork()
    this.socket.write(prefix)
    for (const piece of pieces) this.socket.write(piece)
    this.socket.uncork()
    this.info.bytesOut += size + 4
  }

  /** Closes this one connection after client input we cannot accept; the broker keeps serving others. */
  abort(reason: string): void {
    if (this.closed) return
    this.broker.options.log(`connection ${this.info.id} (${this.info.remoteAddress}:${this.info.remotePort}) closed: ${reason}`)
    this.close(reason)
    this.socket.destroy()
  }

  private close(reason: string | null): void {
    if (this.closed) return
    this.closed = true
    this.queue.length = 0
    this.onClose(reason)
  }
}

function byteLength(pieces: Buffer[]): number {
  let n = 0
  for (const p of pieces) n += p.length
  return n
}
