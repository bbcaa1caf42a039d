import { describe, expect, it } from 'vitest'
import type { InspectorEntry } from '../../../../electron/ipc/contract'
import { filterRows } from './incremental-filter'

const row = (id: number): InspectorEntry => ({
  id, startedAtMs: '0', connectionId: id % 4, clientId: 'c', softwareName: null, softwareVersion: null, apiKey: id % 3,
  apiName: 'X', apiVersion: 0, correlationId: id, requestBytes: 1, responseBytes: 1, durationMs: 1, errorCode: 0, errorName: null,
})
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => row(from + i))
const even = (e: InspectorEntry) => e.id % 2 === 0

describe('incremental inspector filter', () => {
  it('extends the previous result as rows are appended and the oldest dropped', () => {
    let cache = filterRows(range(1, 101), even, null)
    expect(cache.out).toHaveLength(50)
    let calls = 0
    const counting = (e: InspectorEntry) => (calls++, even(e))
    cache = filterRows(range(1, 101), counting, null)
    const next = range(41, 161)
    cache = filterRows(next, counting, cache)
    expect(calls).toBe(100 + 60)
    expect(cache.out.map((e) => e.id)).toEqual(next.filter(even).map((e) => e.id))
  })

  it('recomputes for a new predicate, a reload with older rows, or after a clear', () => {
    const a = filterRows(range(50, 100), even, null)
    const odd = (e: InspectorEntry) => e.id % 2 === 1
    expect(filterRows(range(50, 100), odd, a).out.every(odd)).toBe(true)
    expect(filterRows(range(1, 100), even, a).out).toHaveLength(49)
    const cleared = filterRows([], even, a)
    expect(filterRows(range(200, 210), even, cleared).out.map((e) => e.id)).toEqual([200, 202, 204, 206, 208])
  })

  it('returns the rows themselves when nothing filters', () => {
    const rows = range(1, 10)
    expect(filterRows(rows, null, null).out).toBe(rows)
  })
})
