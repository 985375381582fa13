/**
 * Per-member limit on sync pushes (notes/reliability.md P19): at most `perMinute` in any
 * sliding minute. Kept in memory: with several server processes each enforces its own share,
 * which is enough to stop one runaway device from starving the others.
 */
export class PushLimiter {
  private readonly recent = new Map<string, number[]>()
  private lastSweepMs = Number.NEGATIVE_INFINITY

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait, or undefined when this push may go ahead (and is then counted). */
  take(memberId: string, nowMs: number): number | undefined {
    const since = nowMs - 60_000
    const times = (this.recent.get(memberId) ?? []).filter((t) => t > since)
    if (times.length >= this.perMinute) {
      this.recent.set(memberId, times)
      return Math.max(1, Math.ceil(((times[0] ?? nowMs) + 60_000 - nowMs) / 1000))
    }
    times.push(nowMs)
    this.recent.set(memberId, times)
    // Forget members idle for a minute. At most once a minute: on a theme day more than 10,000
    // members push within a minute, and scanning them all on every push would cost more than
    // the push (bench/spike/README.md).
    if (this.recent.size > 10_000 && nowMs - this.lastSweepMs >= 60_000) {
      this.lastSweepMs = nowMs
      for (const [k, v] of this.recent) if ((v.at(-1) ?? 0) <= since) this.recent.delete(k)
    }
    return undefined
  }

  /** Members remembered (for tests of the sweep). */
  get size(): number {
    return this.recent.size
  }
}
