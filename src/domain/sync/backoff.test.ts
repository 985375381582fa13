import { describe, expect, it } from 'vitest'
import { backoffDelayMs, takeBatch } from './backoff.ts'

describe('backoffDelayMs', () => {
  it('doubles from 1 s and caps at 300 s (no jitter at the midpoint)', () => {
    const mid = () => 0.5
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => backoffDelayMs(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000,
    ])
  })

  it('keeps jitter within ±20 %', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(3200)
    expect(backoffDelayMs(3, () => 0.999999)).toBe(4800)
  })
})

describe('takeBatch', () => {
  const items = Array.from({ length: 250 }, (_, i) => i)

  it('takes at most 100 items', () => {
    expect(takeBatch(items, () => 10)).toHaveLength(100)
  })

  it('stops before the byte limit', () => {
    expect(takeBatch(items, () => 100_000)).toHaveLength(2)
  })

  it('always takes one item, even an oversized one, so the server can answer it', () => {
    expect(takeBatch([1], () => 10_000_000)).toEqual([1])
    expect(takeBatch([], () => 1)).toEqual([])
  })
})
