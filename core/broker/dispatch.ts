import { Reader } from '../protocol/wire/reader'
import { Writer } from '../protocol/wire/writer'
import { readRequestHeader, writeResponseHeader, responseHeaderIsFlexible, isFlexibleVersion } from '../protocol/frame'
import { ErrorCode } from '../protocol/error-codes'
import { NO_RESPONSE, type HandlerContext } from './handler'
import { handlerFor } from './registry'
import { unsupportedVersionBody } from './unsupported'
import type { BrokerContext } from './context'
import type { ConnectionInfo } from './connection-info'

/** A frame that cannot be parsed: the connection is closed (STYLE.md: throw only for this). */
export class MalformedRequestError extends Error {}

export interface DispatchResult {
  /**
   * Response bytes after the size prefix (header + body) as consecutive pieces, or null when Kafka sends
   * none. Large values (Fetch records) are the stored buffers themselves, written without a copy.
   */
  response: Buffer[] | null
  apiKey: number
  apiVersion: number
  correlationId: number
}

/** Decodes one request frame, runs its handler and encodes the response. */
export async function dispatch(frame: Buffer, connection: ConnectionInfo, broker: BrokerContext): Promise<DispatchResult> {
  const reader = new Reader(frame)
  const header = readRequestHeader(reader, isFlexibleVersion)
  if (!reader.ok) throw new MalformedRequestError('request header is truncated')
  const { apiKey, apiVersion, correlationId } = header
  if (header.clientId !== null) connection.clientId = header.clientId
  const result = { apiKey, apiVersion, correlationId }
  const handler = handlerFor(apiKey)
  if (!handler || apiVersion < handler.minVersion || apiVersion > handler.maxVersion) {
    broker.options.log(`connection ${connection.id}: unsupported API ${apiKey} v${apiVersion} from ${printable(header.clientId ?? '?')}`)
    return { ...result, response: [unsupportedVersionBody(header, broker)] }
  }
  const request = handler.read(reader, apiVersion)
  if (!reader.ok) throw new MalformedRequestError(`API ${apiKey} v${apiVersion} request body is malformed`)
  const ctx: HandlerContext = { header, connection, broker }
  const response =
    handler.rejectBelow !== undefined && apiVersion < handler.rejectBelow && handler.reject
      ? handler.reject(request, ErrorCode.UNSUPPORTED_VERSION)
      : await handler.handle(request, ctx)
  if (response === NO_RESPONSE) return { ...result, response: null }
  const writer = new Writer()
  writeResponseHeader(writer, correlationId, responseHeaderIsFlexible(apiKey, apiVersion))
  handler.write(writer, apiVersion, response)
  return { ...result, response: writer.finishChunks() }
}


/** Client ids are client input: escape control characters so a log line stays one readable line. */
function printable(text: string): string {
  return JSON.stringify(text.slice(0, 200)).slice(1, -1)
}
