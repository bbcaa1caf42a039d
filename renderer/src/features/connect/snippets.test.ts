import { describe, expect, it } from 'vitest'
import { snippets } from './snippets'

describe('connection snippets', () => {
  it('covers the five clients and points every one at the bootstrap address', () => {
    const all = snippets('127.0.0.1:19092', 'payments')
    expect(all.map((s) => s.id)).toEqual(['kafkajs', 'java', 'python', 'franz-go', 'kcat'])
    for (const s of all) {
      expect(s.code).toContain('127.0.0.1:19092')
      expect(s.code).toContain('payments')
      expect(s.code).not.toContain('localhost:9092')
    }
  })
})
