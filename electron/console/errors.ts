/** Maps anything a handler throws onto the contract's { code, message } (never a stack trace). */
import type { IpcError } from '../ipc/contract'
import { TemplateError } from './templates'
import { KafkaProtocolError } from './wire-cluster'
import { WireError } from './kafka-wire'

interface KafkaJsLike {
  name?: string
  type?: string
  message?: string
  code?: unknown
  errors?: KafkaJsLike[]
}

export function toIpcError(err: unknown): IpcError {
  if (err instanceof KafkaProtocolError) return { code: `KAFKA_${err.kafkaCode}`, message: err.message }
  if (err instanceof TemplateError) return { code: 'VALIDATION', message: err.message }
  if (err instanceof WireError) return { code: err.code, message: err.message }
  let e = (err ?? {}) as KafkaJsLike
  // createTopics and friends reject with an aggregate whose first entry names the Kafka error.
  if (Array.isArray(e.errors) && e.errors[0]?.type) e = e.errors[0]
  // kafkajs protocol errors carry Kafka's error name in `type` (e.g. TOPIC_ALREADY_EXISTS).
  if (typeof e.type === 'string' && /^[A-Z_]+$/.test(e.type)) return { code: `KAFKA_${e.type}`, message: e.message ?? e.type }
  if (e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSNumberOfRetriesExceeded' || e.name === 'KafkaJSNonRetriableError') {
    return { code: 'UNAVAILABLE', message: `cannot reach the cluster: ${e.message ?? 'connection failed'}` }
  }
  if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return { code: e.code, message: e.message ?? e.code }
  return { code: 'INTERNAL', message: e.message ?? String(err) }
}
