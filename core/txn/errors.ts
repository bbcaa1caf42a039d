import { ErrorCode } from '../protocol/error-codes'

/**
 * PRODUCER_FENCED (90, KIP-588) is only sent to request versions that know it (InitProducerId v4+,
 * AddPartitionsToTxn/AddOffsetsToTxn/EndTxn v2+, TxnOffsetCommit v3+); older clients get INVALID_PRODUCER_EPOCH.
 */
export function fencedForVersion(errorCode: number, version: number, firstVersionWithFenced: number): number {
  return errorCode === ErrorCode.PRODUCER_FENCED && version < firstVersionWithFenced ? ErrorCode.INVALID_PRODUCER_EPOCH : errorCode
}
