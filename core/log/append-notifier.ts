/**
 * Wakes long-polling Fetch requests when a batch lands on one of the partitions they wait for
 * (FetchRequest MaxWaitMs/MinBytes; CLIENTS.md pitfall 17).
 */
type Wake = () => void

export class AppendNotifier {
  private readonly waiters = new Map<string, Set<Wake>>()

  /** Resolves on the first append to any of `partitions`, or after `timeoutMs`, or when `signal` aborts. */
  wait(partitions: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const wake: Wake = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', wake)
        for (const key of partitions) {
          const set = this.waiters.get(key)
          set?.delete(wake)
          if (set && set.size === 0) this.waiters.delete(key)
        }
        resolve()
      }
      const timer = setTimeout(wake, Math.max(0, timeoutMs))
      signal?.addEventListener('abort', wake)
      for (const key of partitions) {
        let set = this.waiters.get(key)
        if (!set) this.waiters.set(key, (set = new Set()))
        set.add(wake)
      }
    })
  }

  notify(key: string): void {
    const set = this.waiters.get(key)
    if (!set) return
    for (const wake of [...set]) wake()
  }

  /** Wakes everyone (shutdown). */
  notifyAll(): void {
    for (const key of [...this.waiters.keys()]) this.notify(key)
  }
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`
}
