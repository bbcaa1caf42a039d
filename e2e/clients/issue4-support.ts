// Shared by the issue4-* client tests: a bounded child-process runner, a fault injector that cuts every
// connection right after chosen appends, and a direct read of the stored log.
import { spawn, spawnSync } from 'node:child_process'
import { decodeBatch } from '../../core/protocol/records'
import type { RunningBroker } from '../../core/index'

export const SYSTEM_PYTHON = '/usr/bin/python3'

export function pythonHas(module: string): boolean {
  return spawnSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 20_000 }).status === 0
}

/** Runs a process to completion within timeoutMs; resolves stdout, rejects with stderr's tail otherwise. */
export function runProcess(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(out)
      else reject(new Error(`${cmd} exited with ${code}\n${err.split('\n').slice(-30).join('\n')}`))
    })
  })
}

/**
 * Drops every connection synchronously inside the append event once the topic's appended record count
 * passes each threshold: the batch is stored but its response is never written, so the client must
 * re-send it — exactly the case idempotence exists for.
 */
export function dropAfterAppends(broker: RunningBroker, topic: string, thresholds: number[]): { drops: () => number; stop: () => void } {
  let appended = 0
  let drops = 0
  const pending = [...thresholds].sort((a, b) => a - b)
  const stop = broker.context.events.on((e) => {
    if (e.type !== 'records-appended' || e.topic !== topic) return
    appended += e.recordCount
    if (pending.length > 0 && appended >= pending[0]!) {
      while (pending.length > 0 && appended >= pending[0]!) pending.shift()
      broker.dropConnections()
      drops++
    }
  })
  return { drops: () => drops, stop }
}

/** Every record value of a partition as stored, in offset order (decompressing as needed). */
export async function storedValues(broker: RunningBroker, topic: string, partition: number): Promise<string[]> {
  const storage = broker.context.storage
  const values: string[] = []
  let from = storage.offsets(topic, partition).logStartOffset
  for (;;) {
    const batches = storage.readBatches(topic, partition, from, 4 << 20)
    if (batches.length === 0) return values
    for (const b of batches) {
      const decoded = await decodeBatch(b.bytes)
      for (const r of decoded.records) if (r.offset >= from) values.push(r.value?.toString() ?? 'null')
      from = b.lastOffset + 1n
    }
  }
}
