// raw-client.ts: a bare Kafka-protocol TCP client for tests that must send frames no real client would.
import { connect, type Socket } from 'node:net'
import { encodeFrame, requestHeaderIsFlexible, responseHeaderIsFlexible, writeRequestHeader } from '../../core/protocol/frame'
import { Reader } from '../../core/protocol/wire/reader'
import type { Writer } from '../../core/protocol/wire/writer'

/** A complete size-prefixed request frame built with the generated body writer. */
export function requestFrame(apiKey: number, apiVersion: number, correlationId: number, body: (w: Writer) => void): Buffer {
  return encodeFrame((w) => {
    writeRequestHeader(w, { apiKey, apiVersion, correlationId, clientId: 'brooklet-raw' }, requestHeaderIsFlexible(apiKey, apiVersion))
    body(w)
  })
}

/** One TCP connection that collects whole response frames and notices when the broker closes it. */
export class RawConnection {
  private buffered = Buffer.alloc(0)
  private readonly frames: Buffer[] = []
  private waiters: (() => void)[] = []
  closed = false
  readonly ready: Promise<void>

  private constructor(readonly socket: Socket) {
    this.ready = new Promise((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    socket.on('data', (chunk) => this.receive(chunk))
    socket.on('error', () => {})
    socket.on('close', () => {
      this.closed = true
      this.wake()
    })
  }

  static async open(host: string, port: number): Promise<RawConnection> {
    const c = new RawConnection(connect({ host, port }))
    await c.ready
    return c
  }

  send(frame: Buffer): void {
    if (!this.closed) this.socket.write(frame)
  }

  /** The next response frame (after its size prefix), or null if the connection closed or time ran out. */
  async nextFrame(timeoutMs = 5_000): Promise<Buffer | null> {
    const deadline = Date.now() + timeoutMs
    while (this.frames.length === 0 && !this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()))
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.frames.shift() ?? null
  }

  /** Sends one request and returns a reader positioned after the response header. */
  async request(apiKey: number, apiVersion: number, correlationId: number, body: (w: Writer) => void, timeoutMs = 5_000): Promise<Reader> {
    this.send(requestFrame(apiKey, apiVersion, correlationId, body))
    const frame = await this.nextFrame(timeoutMs)
    if (!frame) throw new Error(`no response to API ${apiKey} v${apiVersion} (closed=${this.closed})`)
    return responseReader(frame, apiKey, apiVersion, correlationId)
  }

  /** Sends a prebuilt request frame and returns a reader positioned after the response header. */
  async exchange(frame: Buffer, timeoutMs = 5_000): Promise<Reader> {
    const apiKey = frame.readInt16BE(4)
    const apiVersion = frame.readInt16BE(6)
    const correlationId = frame.readInt32BE(8)
    this.send(frame)
    const response = await this.nextFrame(timeoutMs)
    if (!response) throw new Error(`no response to API ${apiKey} v${apiVersion} (closed=${this.closed})`)
    return responseReader(response, apiKey, apiVersion, correlationId)
  }

  /** Resolves true once the broker has closed the connection, false if it is still open after timeoutMs. */
  async waitClosed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (!this.closed && Date.now() < deadline) await this.nextFrame(deadline - Date.now())
    return this.closed
  }

  destroy(): void {
    this.socket.destroy()
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk])
    while (this.buffered.length >= 4) {
      const size = this.buffered.readInt32BE(0)
      if (this.buffered.length < 4 + size) break
      this.frames.push(this.buffered.subarray(4, 4 + size))
      this.buffered = this.buffered.subarray(4 + size)
    }
    this.wake()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}

/** Checks the correlation id and skips the response header (v1 for flexible bodies, except ApiVersions). */
export function responseReader(frame: Buffer, apiKey: number, apiVersion: number, correlationId: number): Reader {
  const r = new Reader(frame)
  const got = r.int32()
  if (got !== correlationId) throw new Error(`correlation id ${got}, expected ${correlationId}`)
  if (responseHeaderIsFlexible(apiKey, apiVersion)) r.skipTaggedFields()
  return r
}
