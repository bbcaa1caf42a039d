// 10-find-coordinator.ts: FindCoordinator (key 10), versions 0-4. v1 adds the key type (0 group,
// 1 transaction); v3 is flexible; v4 batches keys (KIP-699, CLIENTS.md pitfall 24). This single broker
// coordinates every group and transactional id. Differences from Kafka: none for key types 0 and 1.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readFindCoordinatorRequest, writeFindCoordinatorResponse } from '../../protocol/generated'
import { defineHandler, type HandlerContext } from '../handler'

const GROUP_KEY = 0
const TRANSACTION_KEY = 1

export default defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 4,
  read: readFindCoordinatorRequest,
  write: writeFindCoordinatorResponse,
  handle: (req, ctx) => {
    const known = req.keyType === GROUP_KEY || req.keyType === TRANSACTION_KEY
    const errorCode = known ? ErrorCode.NONE : ErrorCode.INVALID_REQUEST
    const errorMessage = known ? null : `Unsupported key type ${req.keyType}.`
    const self = coordinator(ctx, known)
    if (ctx.header.apiVersion >= 4) {
      return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, nodeId: 0, host: '', port: 0,
        coordinators: req.coordinatorKeys.map((key) => ({ key, ...self, errorCode, errorMessage })) }
    }
    return { throttleTimeMs: 0, errorCode, errorMessage, ...self, coordinators: [] }
  },
})

function coordinator(ctx: HandlerContext, known: boolean) {
  const { options, advertisedPort } = ctx.broker
  return known
    ? { nodeId: options.nodeId, host: options.advertisedHost, port: advertisedPort }
    : { nodeId: -1, host: '', port: -1 }
}
