import type { OutboxSummary, Settled } from './record-log.ts'

/**
 * The outbox summary after a settled batch, without reading the outbox: its acknowledged and
 * parked entries were pending, so the pending count drops by both and the parked ones join the
 * list (an entry parked again replaces itself). The oldest waiting record stays as it was until
 * the outbox is next read, unless nothing waits any more.
 */
export function afterSettle(summary: OutboxSummary, settled: Settled): OutboxSummary {
  if (settled.acked === 0 && settled.parked.length === 0) return summary
  const pending = Math.max(0, summary.pending - settled.acked - settled.parked.length)
  const newlyParked = new Set(settled.parked.map((e) => e.recordId))
  return {
    pending,
    ...(pending > 0 && summary.oldestPendingAt ? { oldestPendingAt: summary.oldestPendingAt } : {}),
    parked: [...summary.parked.filter((e) => !newlyParked.has(e.recordId)), ...settled.parked],
  }
}
