import { describe, expect, it } from 'vitest'
import { bootstrapProblem } from './bootstrap'

describe('bootstrap list', () => {
  it('accepts host:port lists', () => {
    expect(bootstrapProblem('localhost:9092')).toBeNull()
    expect(bootstrapProblem('kafka-1.internal:9092, kafka-2.internal:9093')).toBeNull()
    expect(bootstrapProblem('[::1]:9092')).toBeNull()
    expect(bootstrapProblem('10.0.0.7:19092')).toBeNull()
  })
  it('says what is wrong', () => {
    expect(bootstrapProblem('')).toMatch(/at least one/)
    expect(bootstrapProblem('localhost')).toMatch(/not host:port/)
    expect(bootstrapProblem('localhost:99999')).toMatch(/1-65535/)
    expect(bootstrapProblem('a:1,,b:2')).toMatch(/empty entry/)
    expect(bootstrapProblem('http://x:9092')).toMatch(/not host:port/)
  })
})
