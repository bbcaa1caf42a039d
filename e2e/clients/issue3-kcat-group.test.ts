// Issue 3 acceptance with kcat 1.7 (librdkafka 2.0.2) in balanced-consumer mode (-G): a second run of the same
// group resumes exactly at the offsets the first run committed on close.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBroker } from '../../core/index'
import { testBroker, uniqueTopic } from './helpers'
import { committedOffsets, highWatermarks, produceSpread } from './issue3-support'

const PARTITIONS = 6
let broker: RunningBroker

beforeAll(async () => {
  broker = await testBroker()
})
afterAll(async () => broker?.stop())

/** One `kcat -G` run until every assigned partition reached its end (-e); returns "partition:offset:value" lines. */
function kcatGroup(group: string, topic: string, timeoutMs = 25_000): Promise<string[]> {
  const args = ['-b', broker.bootstrap, '-G', group, '-X', 'auto.offset.reset=earliest', '-X', 'session.timeout.ms=6000',
    '-e', '-q', '-f', '%p:%o:%s\\n', topic]
  if (process.env.BROOKLET_TEST_LOG) args.push('-X', 'debug=cgrp,protocol')
  return new Promise((resolve, reject) => {
    const proc = spawn('kcat', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()))
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`kcat -G did not finish within ${timeoutMs} ms\n${err.slice(-3000)}`))
    }, timeoutMs)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      if (process.env.BROOKLET_TEST_LOG) process.stderr.write(err)
      if (code === 0) resolve(out.split('\n').filter((l) => l !== ''))
      else reject(new Error(`kcat exited with ${code}\n${err.slice(-3000)}`))
    })
  })
}

function expected(from: number, to: number): string[] {
  const lines: string[] = []
  for (let p = 0; p < PARTITIONS; p++) for (let n = from; n < to; n++) lines.push(`${p}:${n}:p${p}-${n}`)
  return lines.sort()
}

describe('kcat -G (librdkafka 2.0.2 balanced consumer)', () => {
  it('consumes a topic once, then a restart with the same group resumes at the committed offsets', async () => {
    const topic = uniqueTopic('i3-kcat')
    const group = uniqueTopic('g')
    await produceSpread(broker, topic, PARTITIONS, 15)

    const first = await kcatGroup(group, topic)
    expect(first.sort()).toEqual(expected(0, 15))
    expect(committedOffsets(broker, group, topic, PARTITIONS)).toEqual(highWatermarks(broker, topic, PARTITIONS))

    await produceSpread(broker, topic, PARTITIONS, 10, 15, false)
    const second = await kcatGroup(group, topic)
    // No repeats of the first run's messages and no gaps before the new ones.
    expect(second.sort()).toEqual(expected(15, 25))
    expect(committedOffsets(broker, group, topic, PARTITIONS)).toEqual(Array(PARTITIONS).fill(25n))
    expect(broker.context.groups.describeGroup(group).state).toBe('Empty')
  }, 55_000)
})
