/**
 * A minimal Kafka protocol connection for the console's reads (Fetch, ListOffsets, Metadata).
 *
 * Why not kafkajs for reads: kafkajs only consumes through a consumer group (no assign()), so every page of
 * the message browser would cost a JoinGroup/SyncGroup round (plus group.initial.rebalance.delay.ms on a new
 * group) and leave committed offsets behind; it also hides the batch attributes the detail panel shows
 * (compression, timestamp type, producer id). Fetch with an explicit offset is one request, and the project's
 * generated codecs and RecordBatch decoder already exist. Admin and produce still go through kafkajs.
 *
 * Non-flexible request header v1 (apiKey, apiVersion, correlationId, clientId) is used: every version sent
 * here is below its API's first flexible version, so the response header is v0 (correlationId only).
 */
import { Socket, connect } from 'node:net'
import { Reader } from '../../core/protocol/wire/reader'
import { Writer } from '../../core/protocol/wire/writer'

export class WireError extends Error {
  constructor(message: string, readonly code = 'UNAVAILABLE') {
    super(message)
    this.name = 'WireError'
  }
}

interface Pending {
  resolve: (body: Reader) => void
  reject: (err: Error) => void
  timer: ReturnType<typeof setTimeout>
}

const MAX_RESPONSE_BYTES = 512 * 1024 * 1024
/** The console's client.id, so its own reads can be told apart from real consumers' traffic. */
export const CONSOLE_CLIENT_ID = 'brooklet-console'

export class KafkaWire {
  private socket: Socket | undefined
  private connecting: Promise<Socket> | undefined
  private nextCorrelation = 1
  private readonly pending = new Map<number, Pending>()
  private chunks: Buffer[] = []
  private buffered = 0
  private closed = false

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly clientId = CONSOLE_CLIENT_ID,
  ) {}

  /** Sends one request; `write` encodes the body, `read` decodes the response body. */
  async request<T>(apiKey: number, version: number, write: (w: Writer) => void, read: (r: Reader) => T, timeoutMs = 30_000): Promise<T> {
    const socket = await this.connect()
    const correlationId = this.nextCorrelation++ & 0x7fffffff
    const w = new Writer(128)
    w.int32(0)
    w.int16(apiKey)
    w.int16(version)
    w.int32(correlationId)
    w.nullableString(this.clientId)
    write(w)
    const frame = w.finish()
    frame.writeInt32BE(frame.length - 4, 0)
    const body = await new Promise<Reader>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId)
        reject(new WireError(`request (api ${apiKey}) to ${this.host}:${this.port} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(correlationId, { resolve, reject, timer })
      socket.write(frame)
    })
    const result = read(body)
    if (!body.ok) throw new WireError(`malformed response to api ${apiKey} v${version}`, 'PROTOCOL')
    return result
  }

  close(): void {
    this.closed = true
    this.socket?.destroy()
    this.failAll(new WireError('connection closed'))
  }

  private connect(): Promise<Socket> {
    if (this.closed) return Promise.reject(new WireError('connection closed'))
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket)
    this.connecting ??= new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: this.host, port: this.port })
      s.setNoDelay(true)
      const onError = (err: Error) => {
        this.connecting = undefined
        reject(new WireError(`cannot connect to ${this.host}:${this.port}: ${err.message}`))
      }
      s.once('error', onError)
      s.once('connect', () => {
        s.off('error', onError)
        this.socket = s
        this.connecting = undefined
        this.chunks = []
        this.buffered = 0
        s.on('data', (chunk: Buffer) => this.onData(chunk))
        s.on('error', (err) => this.failAll(new WireError(`connection to ${this.host}:${this.port} failed: ${err.message}`)))
        s.on('close', () => this.failAll(new WireError(`connection to ${this.host}:${this.port} closed`)))
        resolve(s)
      })
    })
    return this.connecting
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    for (;;) {
      if (this.buffered < 4) return
      const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks)
      this.chunks = [head]
      const size = head.readInt32BE(0)
      if (size < 4 || size > MAX_RESPONSE_BYTES) {
        this.socket?.destroy()
        this.failAll(new WireError(`bad response frame size ${size}`, 'PROTOCOL'))
        return
      }
      if (this.buffered < 4 + size) return
      const frame = head.subarray(4, 4 + size)
      const rest = head.subarray(4 + size)
      this.chunks = rest.length > 0 ? [rest] : []
      this.buffered = rest.length
      this.deliver(frame)
    }
  }

  private deliver(frame: Buffer): void {
    const r = new Reader(frame)
    const correlationId = r.int32()
    const p = this.pending.get(correlationId)
    if (!p) return
    this.pending.delete(correlationId)
    clearTimeout(p.timer)
    p.resolve(r)
  }

  private failAll(err: Error): void {
    this.socket = undefined
    for (const p of this.pending.values()) {
      clearTimeout(p.timer)
      p.reject(err)
    }
    this.pending.clear()
  }
}
