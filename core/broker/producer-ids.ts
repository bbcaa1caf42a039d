import type { Storage } from '../storage/storage'

const META_KEY = 'next-producer-id'
/** Ids are reserved in blocks so a restart never hands out an id twice without a write per id. */
const BLOCK = 1000n

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
