// Injectable time for the group coordinator: session timeouts, rebalance timeouts and the initial rebalance
// delay all go through a Clock, so unit tests drive time with FakeClock and never sleep (STYLE.md).

/** Opaque timer handle; only the clock that made it can clear it. */
export type TimerHandle = { readonly __timer: true } | ReturnType<typeof globalThis.setTimeout>

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = globalThis.setTimeout(fn, ms)
    // Group timers must never keep a stopping broker process alive.
    t.unref?.()
    return t
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
}

interface FakeTimer {
  readonly __timer: true
  due: number
  seq: number
  fn: () => void
}

/** Manual clock for tests: time moves only in advance(), which fires due timers in (due, creation) order. */
export class FakeClock implements Clock {
  private current: number
  private seq = 0
  private readonly timers = new Set<FakeTimer>()

  constructor(startMs = 1_700_000_000_000) {
    this.current = startMs
  }

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: FakeTimer = { __timer: true, due: this.current + Math.max(0, ms), seq: this.seq++, fn }
    this.timers.add(timer)
    return timer
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as FakeTimer)
  }

  /** Moves time forward by ms, running every timer that falls due (including ones scheduled meanwhile). */
  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const next = this.nextDue(target)
      if (!next) break
      this.timers.delete(next)
      this.current = next.due
      next.fn()
    }
    this.current = target
  }

  /** Number of timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.size
  }

  private nextDue(limit: number): FakeTimer | undefined {
    let best: FakeTimer | undefined
    for (const t of this.timers) {
      if (t.due > limit) continue
      if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t
    }
    return best
  }
}
