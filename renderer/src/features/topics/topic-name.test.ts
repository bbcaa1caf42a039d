import { describe, expect, it } from 'vitest'
import { topicNameError, topicNameWarning } from './topic-name'

describe('topicNameError', () => {
  it('accepts Kafka-legal names', () => {
    for (const name of ['orders', 'orders.v1', 'a_b-c.D9', 'x'.repeat(249)]) expect(topicNameError(name)).toBeNull()
  })
  it('rejects empty, dot names, long names and other characters', () => {
    expect(topicNameError('')).toMatch(/Enter/)
    expect(topicNameError('.')).toMatch(/cannot/)
    expect(topicNameError('..')).toMatch(/cannot/)
    expect(topicNameError('x'.repeat(250))).toMatch(/249/)
    expect(topicNameError('a b')).toMatch(/Spaces/)
    expect(topicNameError('a/b')).toMatch(/"\/"/)
  })
  it('warns on metric-name collisions between "." and "_"', () => {
    expect(topicNameWarning('a.b', ['a_b'])).toMatch(/Collides/)
    expect(topicNameWarning('a.b', ['a-b'])).toBeNull()
  })
})
