import type { Reader } from '../protocol/wire/reader'
import type { Writer } from '../protocol/wire/writer'
import type { RequestHeader } from '../protocol/frame'
import type { BrokerContext } from './context'
import type { ConnectionInfo } from './connection-info'

/** What a handler sees besides its decoded request. */
export interface HandlerContext {
  readonly header: RequestHeader
  readonly connection: ConnectionInfo
  readonly broker: BrokerContext
}

/**
 * Returned by a handler when Kafka sends no response at all — Produce with acks=0
 * (ProduceRequest.json: "the server will not send any response").
 */
export const NO_RESPONSE = Symbol('no-response')
export type NoResponse = typeof NO_RESPONSE

/**
 * One API key. minVersion/maxVersion are what we advertise in ApiVersions;
 * read/write are the generated codecs for that API.
 */
export interface Handler<Req, Res> {
  readonly apiKey: number
  readonly minVersion: number
  readonly maxVersion: number
  /** Versions we advertise but refuse (Produce v0-2, see CLIENTS.md pitfall 7). */
  readonly rejectBelow?: number
  readonly read: (r: Reader, version: number) => Req
  readonly write: (w: Writer, version: number, res: Res) => void
  readonly handle: (req: Req, ctx: HandlerContext) => Res | NoResponse | Promise<Res | NoResponse>
  /** Response sent for versions in [minVersion, rejectBelow): built from the request so per-partition errors fit. */
  readonly reject?: (req: Req, errorCode: number) => Res
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = Handler<any, any>

export function defineHandler<Req, Res>(handler: Handler<Req, Res>): Handler<Req, Res> {
  return handler
}
