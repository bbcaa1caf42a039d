/** The all-zero uuid: Kafka's "no topic id" (Uuid.ZERO_UUID), as our codecs spell uuids (32 hex chars). */
export const ZERO_UUID = '00000000000000000000000000000000'
