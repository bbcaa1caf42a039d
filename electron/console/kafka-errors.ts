import { errorName } from '../../core/protocol/error-codes'

/** Kafka's error name for a wire error code (e.g. 3 -> UNKNOWN_TOPIC_OR_PARTITION). */
export function kafkaErrorName(code: number): string {
  return errorName(code)
}
