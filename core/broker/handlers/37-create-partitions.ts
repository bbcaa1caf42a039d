// 37-create-partitions.ts: CreatePartitions (key 37), versions 0-3. Manual assignments are refused
// (one broker holds every replica).
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readCreatePartitionsRequest, writeCreatePartitionsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

export default defineHandler({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  read: readCreatePartitionsRequest,
  write: writeCreatePartitionsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    results: req.topics.map((t) => {
      if (t.assignments !== null && t.assignments.length > 0) {
        return { name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Manual replica assignments are not supported by a single broker.' }
      }
      const outcome = ctx.broker.topics.addPartitions(t.name, t.count, req.validateOnly)
      return { name: t.name, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }
    }),
  }),
})
