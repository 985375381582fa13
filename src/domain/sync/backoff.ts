/**
 * The outbox retry schedule (notes/reliability.md P5, after Enketo's exponential-backoff.js):
 * 1 s doubling to a 300 s cap, with ±20 % jitter so that a class's phones coming back online
 * together do not retry in step. Reset to the start on `online`, focus or a tap.
 */
export const BACKOFF_BASE_MS = 1000
export const BACKOFF_CAP_MS = 300_000
export const BACKOFF_JITTER = 0.2

/** Delay before retry number `attempt` (1-based), in ms. `random` in [0, 1). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1))
  const jitter = 1 + BACKOFF_JITTER * (2 * random() - 1)
  return Math.round(base * jitter)
}

/** Picks the next batch: items in order, at most `maxItems` and `maxBytes` of serialized JSON (at least one item). */
export function takeBatch<T>(
  items: readonly T[],
  size: (item: T) => number,
  maxItems = 100,
  maxBytes = 250 * 1024,
): T[] {
  const batch: T[] = []
  let bytes = 2 // the enclosing [] of the array
  for (const item of items) {
    const n = size(item) + 1
    if (batch.length > 0 && (batch.length >= maxItems || bytes + n > maxBytes)) break
    batch.push(item)
    bytes += n
  }
  return batch
}
