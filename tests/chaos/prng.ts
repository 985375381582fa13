import { mulberry32 } from '../../src/domain/seeded-random.ts'

/**
 * mulberry32: a tiny seeded PRNG, so a chaos run is a pure function of its seed. Everything
 * random in a run (actions, record ids, backoff jitter, dropped responses) draws from one of
 * these; nothing may call Math.random, or a failing seed would not replay.
 */
export class Prng {
  /** A float in [0, 1). */
  readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks a key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0)
    for (const [k, w] of entries) {
      r -= w
      if (r < 0) return k
    }
    return (entries.at(-1) as [K, number])[0]
  }

  bytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256)
    return out
  }
}
