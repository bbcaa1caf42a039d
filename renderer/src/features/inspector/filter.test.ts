import { describe, expect, it } from 'vitest'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { compileFilter } from './filter'

const entry = (over: Partial<InspectorEntry>): InspectorEntry => ({
  id: 1, startedAtMs: '0', connectionId: 3, clientId: 'orders-app', softwareName: 'librdkafka', softwareVersion: '2.0.2', apiKey: 1,
  apiName: 'Fetch', apiVersion: 11, correlationId: 9, requestBytes: 10, responseBytes: 20, durationMs: 4, errorCode: 0, errorName: null, ...over,
})

describe('inspector filter', () => {
  it('matches free text across API, client and software', () => {
    expect(compileFilter('fetch')!(entry({}))).toBe(true)
    expect(compileFilter('ORDERS')!(entry({}))).toBe(true)
    expect(compileFilter('librd')!(entry({}))).toBe(true)
    expect(compileFilter('metadata')!(entry({}))).toBe(false)
  })
  it('supports key:value terms, ANDed', () => {
    expect(compileFilter('api:fetch conn:3')!(entry({}))).toBe(true)
    expect(compileFilter('api:fetch conn:4')!(entry({}))).toBe(false)
    expect(compileFilter('api:1')!(entry({}))).toBe(true)
    expect(compileFilter('slow:5')!(entry({}))).toBe(false)
    expect(compileFilter('slow:4')!(entry({}))).toBe(true)
    expect(compileFilter('sw:kafkajs')!(entry({}))).toBe(false)
  })
  it('filters errors', () => {
    expect(compileFilter('errors')!(entry({}))).toBe(false)
    expect(compileFilter('errors')!(entry({ errorCode: 3, errorName: 'UNKNOWN_TOPIC_OR_PARTITION' }))).toBe(true)
    expect(compileFilter('unknown_topic')!(entry({ errorCode: 3, errorName: 'UNKNOWN_TOPIC_OR_PARTITION' }))).toBe(true)
  })
  it('is null for an empty filter', () => {
    expect(compileFilter('   ')).toBeNull()
  })
})
