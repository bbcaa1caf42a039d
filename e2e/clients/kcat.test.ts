// kcat.test.ts: librdkafka 2.0.2 through kcat (issue 2 acceptance: -L, each codec, MsgVer2, no "not compressing").
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { storedCodecs } from './stored-batches'
import { createTopic, hasExecutable, run, tempDataDir, testBroker, uniqueTopic } from './helpers'

const KCAT = '/usr/bin/kcat'
const CODECS = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const
const COUNT = 10_000
const PARTITIONS = 3

let broker: RunningBroker
beforeEach(async () => {
  broker = await testBroker()
})
afterEach(async () => broker?.stop())

describe.skipIf(!hasExecutable(KCAT))('kcat (librdkafka 2.0.2)', () => {
  it('-L lists the broker, and librdkafka enables every feature it needs', async () => {
    const { stdout, stderr } = await run(KCAT, ['-b', broker.bootstrap, '-L', '-m', '10', '-X', 'debug=feature'])
    expect(stdout).toContain(`broker 1 at ${broker.bootstrap}`)
    expect(stdout).toMatch(/1 brokers:/)
    // librdkafka 2.0.2's feature map switches these on only if old versions are advertised (CLIENTS.md pitfall 6).
    for (const feature of ['MsgVer2', 'ApiVersion', 'BrokerGroupCoordinator', 'BrokerBalancedConsumer', 'IdempotentProducer', 'LZ4', 'ZSTD', 'OffsetTime']) {
      expect(stderr).toContain(`Enabling feature ${feature}`)
    }
  })

  for (const [codec, codecId] of Object.entries(CODECS)) {
    it(`produces ${COUNT} keyed messages with ${codec} and reads them back in order per partition`, async () => {
      const topic = uniqueTopic(`kcat-${codec}`)
      await createTopic(broker.bootstrap, topic, PARTITIONS)
      const tmp = tempDataDir()
      try {
        const file = join(tmp.dir, 'input.txt')
        const sent = Array.from({ length: COUNT }, (_, i) => [`k${i}`, `v${i}-${codec}-${'abc'.repeat(i % 40)}`] as const)
        writeFileSync(file, sent.map(([k, v]) => `${k}:${v}`).join('\n') + '\n')
        const produced = await run(KCAT, ['-b', broker.bootstrap, '-P', '-t', topic, '-z', codec, '-K:', '-l', '-X', 'debug=feature,msg', file])
        expect(produced.stderr).toContain('Enabling feature MsgVer2')
        expect(produced.stderr).not.toMatch(/not compressing/i)
        // librdkafka's feature map gates these codecs separately (CLIENTS.md pitfall 6).
        if (codec === 'lz4' || codec === 'zstd') expect(produced.stderr).toContain(`Enabling feature ${codec.toUpperCase()}`)

        const consumed = await run(KCAT, ['-b', broker.bootstrap, '-C', '-t', topic, '-e', '-o', 'beginning', '-q', '-f', '%p\t%o\t%k\t%s\n'])
        const lines = consumed.stdout.split('\n').filter((l) => l.length > 0)
        expect(lines).toHaveLength(COUNT)
        const byPartition = new Map<number, { offset: number; index: number; value: string }[]>()
        for (const line of lines) {
          const [p, o, k, v] = line.split('\t')
          const list = byPartition.get(Number(p)) ?? []
          list.push({ offset: Number(o), index: Number(k!.slice(1)), value: v! })
          byPartition.set(Number(p), list)
        }
        expect(byPartition.size).toBe(PARTITIONS)
        for (const [partition, list] of byPartition) {
          list.forEach((r, i) => {
            expect(r.offset, `partition ${partition}`).toBe(i)
            expect(r.value).toBe(sent[r.index]![1])
            // Keys were written in increasing order, so within a partition they must come back increasing.
            if (i > 0) expect(r.index).toBeGreaterThan(list[i - 1]!.index)
          })
        }
        const codecs = await storedCodecs(broker.port, topic, PARTITIONS)
        expect([...codecs.keys()].every((k) => k === 0 || k === codecId), `codecs stored: ${[...codecs]}`).toBe(true)
        expect(codecs.get(codecId) ?? 0, `records per codec: ${[...codecs]}`).toBeGreaterThan(COUNT * 0.9)
      } finally {
        tmp.cleanup()
      }
    })
  }
})
