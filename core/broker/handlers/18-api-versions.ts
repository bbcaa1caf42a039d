// 18-api-versions.ts: ApiVersions (key 18), versions 0-4. v3+ carries the client's software name and
// version (KIP-511), shown by the console. The response always uses header v0 (frame.ts).
// An ApiVersions request above v4 is answered by unsupported.ts with a v0 body (CLIENTS.md pitfall 3).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readApiVersionsRequest, writeApiVersionsResponse, type ApiVersionsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'
import { advertisedRanges } from '../advertised'
import type { BrokerContext } from '../context'

export function apiVersionsResponse(_broker: BrokerContext): ApiVersionsResponse {
  return {
    errorCode: ErrorCode.NONE,
    apiKeys: advertisedRanges().map(({ apiKey, minVersion, maxVersion }) => ({ apiKey, minVersion, maxVersion })),
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  }
}

export default defineHandler({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  read: readApiVersionsRequest,
  write: writeApiVersionsResponse,
  handle: (req, ctx) => {
    if (ctx.header.apiVersion >= 3) {
      ctx.connection.clientSoftwareName = req.clientSoftwareName || null
      ctx.connection.clientSoftwareVersion = req.clientSoftwareVersion || null
    }
    return apiVersionsResponse(ctx.broker)
  },
})
