import type { Storage } from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'

const META_KEY = 'next-producer-id'
/** Ids are reserved in blocks so a restart never hands out an id twice without a write per id. */
const BLOCK = 1000n
/** Kafka bumps an epoch only below Short.MAX_VALUE - 1 and then moves the producer to a fresh id. */
const MAX_EPOCH = 32766

/** Hands out producer ids for InitProducerId; persisted so ids stay unique across restarts. */
export class ProducerIdAllocator {
  private next: bigint
  private reservedUpTo: bigint

  constructor(private readonly storage: Storage) {
    this.next = BigInt(storage.getMeta(META_KEY) ?? '1000')
    this.reservedUpTo = this.next
  }

  allocate(): bigint {
    if (this.next >= this.reservedUpTo) {
      this.reservedUpTo = this.next + BLOCK
      this.storage.setMeta(META_KEY, this.reservedUpTo.toString())
    }
    return this.next++
  }
}

export interface ProducerEpochs {
  currentEpoch(producerId: bigint): number | undefined
  noteEpoch(producerId: bigint, epoch: number): void
}

export interface InitProducerIdResult {
  errorCode: number
  producerId: bigint
  producerEpoch: number
}

/**
 * InitProducerId for an idempotent (non-transactional) producer. Without an id: a new id at epoch 0. With
 * its current (id, epoch) (KIP-360, librdkafka's recovery after a sequence error): the same id one epoch
 * higher, or a new id once the epoch is exhausted. An older epoch is a zombie: INVALID_PRODUCER_EPOCH. An id
 * we know nothing about (state lost, or another broker's id) simply gets a new id, as Kafka does.
 */
export function initProducerId(producerId: bigint, epoch: number, epochs: ProducerEpochs, allocate: () => bigint): InitProducerIdResult {
  const current = producerId >= 0n ? epochs.currentEpoch(producerId) : undefined
  if (current !== undefined && epoch >= 0 && epoch < current) {
    return { errorCode: ErrorCode.INVALID_PRODUCER_EPOCH, producerId: -1n, producerEpoch: -1 }
  }
  if (current !== undefined && epoch === current && current < MAX_EPOCH) {
    epochs.noteEpoch(producerId, current + 1)
    return { errorCode: ErrorCode.NONE, producerId, producerEpoch: current + 1 }
  }
  const fresh = allocate()
  epochs.noteEpoch(fresh, 0)
  return { errorCode: ErrorCode.NONE, producerId: fresh, producerEpoch: 0 }
}
