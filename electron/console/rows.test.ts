import { describe, expect, it } from 'vitest'
import { encodeBatch } from '../../core/protocol/records'
import { rowsFromRecords } from './rows'

const batch = (count: number) => encodeBatch(Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}` })))

describe('rowsFromRecords', () => {
  it('converts every record from fromOffset on, and resumes after the batch', async () => {
    const got = await rowsFromRecords(await batch(10), 0, 4n)
    expect(got.rows.map((r) => r.offset)).toEqual(['4', '5', '6', '7', '8', '9'])
    expect(got.rows[0]!.value?.text).toBe('v4')
    expect(got.nextOffset).toBe(10n)
  })

  it('stops at maxRows and resumes at the first record it did not convert', async () => {
    const got = await rowsFromRecords(await batch(10_000), 0, 5n, 3)
    expect(got.rows.map((r) => r.offset)).toEqual(['5', '6', '7'])
    expect(got.nextOffset).toBe(8n)
  })
})
