import { randomBytes } from 'node:crypto'

/**
 * A new topic id (KIP-516 Uuid) as 32 hex chars. Kafka reserves the all-zero Uuid ("no id") and the Uuid
 * 0...01 (metadata topic), and avoids ids whose base64 form starts with '-' because command-line tools would
 * read them as flags; the first base64 char encodes the top 6 bits of byte 0, and '-' is index 62.
 */
export function newTopicId(): string {
  for (;;) {
    const bytes = randomBytes(16)
    const hex = bytes.toString('hex')
    const reserved = /^0{31}[01]$/.test(hex)
    if (!reserved && bytes[0]! >> 2 !== 62) return hex
  }
}
