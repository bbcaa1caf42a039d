import { Writer } from '../protocol/wire/writer'
import { writeResponseHeader } from '../protocol/frame'
import { ErrorCode } from '../protocol/error-codes'
import { ApiKey } from '../protocol/api-keys'
import type { RequestHeader } from '../protocol/frame'
import { writeApiVersionsResponse } from '../protocol/generated'
import { apiVersionsResponse } from './handlers/18-api-versions'
import type { BrokerContext } from './context'

/**
 * The answer to an API key or version we do not serve.
 * ApiVersions: a v0 body with UNSUPPORTED_VERSION and our ranges, so the client retries lower
 * (CLIENTS.md pitfall 3). Anything else: Kafka would close the socket; we answer the correlation id
 * followed by UNSUPPORTED_VERSION so the client reports a clear error instead of a disconnect.
 */
export function unsupportedVersionBody(header: RequestHeader, broker: BrokerContext): Buffer {
  const writer = new Writer()
  writeResponseHeader(writer, header.correlationId, false)
  if (header.apiKey === ApiKey.ApiVersions) {
    writeApiVersionsResponse(writer, 0, { ...apiVersionsResponse(broker), errorCode: ErrorCode.UNSUPPORTED_VERSION })
  } else {
    writer.int16(ErrorCode.UNSUPPORTED_VERSION)
  }
  return writer.finish()
}
