import { describe, expect, it } from 'vitest'
import { TOPIC_CONFIGS, validateTopicConfig, validateTopicConfigSet } from './topic-configs'
import { describeBrokerConfigs } from './broker-configs'
import { ConfigSource } from './describe-configs'
import { resolveOptions } from '../broker/options'

describe('topic config validation (Kafka ranges)', () => {
  it('accepts every default', () => {
    for (const def of TOPIC_CONFIGS) expect(validateTopicConfig(def.name, def.default)).toBeNull()
  })

  it.each([
    ['retention.ms', '-1', true], ['retention.ms', '-2', false], ['retention.bytes', '-1', true],
    ['delete.retention.ms', '0', true], ['delete.retention.ms', '-1', false], ['max.compaction.lag.ms', '0', false],
    ['segment.ms', '0', false], ['segment.bytes', '13', false], ['segment.bytes', '2147483648', false],
    ['flush.messages', '0', false], ['retention.ms', '9223372036854775808', false], ['retention.ms', '1.5', false],
    ['min.cleanable.dirty.ratio', '1.01', false], ['min.cleanable.dirty.ratio', '', false], ['min.insync.replicas', '0', false],
    ['cleanup.policy', 'compact,delete', true], ['cleanup.policy', 'compact,remove', false], ['preallocate', 'yes', false],
  ])('%s = %s valid: %s', (name, value, ok) => {
    const problem = validateTopicConfig(name, value)
    if (ok) expect(problem).toBeNull()
    else expect(problem).toMatch(new RegExp(`^Invalid value .* for configuration ${name.replace(/\./g, '\\.')}: `))
  })

  it('rejects unknown names and min.compaction.lag.ms above max.compaction.lag.ms', () => {
    expect(validateTopicConfig('retention.msec', '1')).toBe('Unknown topic config name: retention.msec')
    expect(validateTopicConfigSet({ 'min.compaction.lag.ms': '10', 'max.compaction.lag.ms': '5' })).toMatch(/conflict/)
    expect(validateTopicConfigSet({ 'min.compaction.lag.ms': '5', 'max.compaction.lag.ms': '5' })).toBeNull()
  })

  it('lists the broker-level defaults behind topic configs, once each', () => {
    const configs = describeBrokerConfigs(resolveOptions({ cleanerIntervalMs: 1234 }), null)
    const names = configs.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    expect(configs.find((c) => c.name === 'log.retention.check.interval.ms')?.value).toBe('1234')
    expect(configs.find((c) => c.name === 'log.cleaner.delete.retention.ms')).toMatchObject({ value: '86400000', isDefault: true, source: ConfigSource.DEFAULT_CONFIG })
  })
})
