/** Latency figures of one run, in ms: nearest-rank percentiles (no interpolation). */
export interface LatencySummary {
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly mean: number
}

const round = (ms: number) => Math.round(ms * 10) / 10

export function summarise(latenciesMs: Float64Array): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort()
  const n = sorted.length
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 }
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number
  const mean = sorted.reduce((a, b) => a + b, 0) / n
  return {
    p50: round(rank(50)),
    p95: round(rank(95)),
    p99: round(rank(99)),
    max: round(sorted[n - 1] as number),
    mean: round(mean),
  }
}
