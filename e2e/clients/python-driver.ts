// python-driver.ts: runs the scripts in e2e/clients/python and checks what they report.
import { join } from 'node:path'
import { expect } from 'vitest'
import { expectContiguousOffsets, PYTHON, run, type ClientRecord } from './helpers'

const SCRIPTS = join(import.meta.dirname, 'python')

export interface ProduceReport {
  acks: [number, number][]
  errors: string[]
  unflushed: number
}

/** Runs e2e/clients/python/<script> with a subcommand and parses its JSON output. */
export async function python<T>(script: string, command: string, bootstrap: string, topic: string, extra: string[] = []): Promise<T> {
  const { stdout } = await run(PYTHON, [join(SCRIPTS, script), command, '--bootstrap', bootstrap, '--topic', topic, ...extra], { timeoutMs: 55_000 })
  return JSON.parse(stdout) as T
}

/** Every ack is distinct and, per partition, the acked offsets are exactly 0..n-1. */
export function expectAcksContiguous(report: ProduceReport, count: number): void {
  expect(report.errors).toEqual([])
  expect(report.unflushed).toBe(0)
  expect(report.acks).toHaveLength(count)
  const perPartition = new Map<number, number[]>()
  for (const [p, o] of report.acks) perPartition.set(p, [...(perPartition.get(p) ?? []), o])
  for (const offsets of perPartition.values()) expect(offsets.sort((a, b) => a - b)).toEqual(offsets.map((_, i) => i))
}

/** Checks what a driver read against what message(i, origin) in python/common.py produced. */
export function expectTestMessages(records: ClientRecord[], count: number, origin: string, baseTimestamp?: number): void {
  expect(records).toHaveLength(count)
  expectContiguousOffsets(records)
  const seen = new Set<string>()
  for (const r of records) {
    const i = Number(r.key!.slice(1))
    expect(r.value).toBe(`v${i}-${origin}`)
    expect(r.headers).toEqual([['seq', String(i)], ['origin', origin]])
    if (baseTimestamp !== undefined) expect(r.timestamp).toBe(baseTimestamp + i)
    seen.add(r.key!)
  }
  expect(seen.size).toBe(count)
}
