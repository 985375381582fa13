import { describe, expect, it } from 'vitest'
import { afterSettle } from './after-settle.ts'
import type { OutboxEntry } from './record-log.ts'

const parked = (recordId: string, reason = 'conflict'): OutboxEntry => ({
  recordId,
  memberId: 'm1',
  enqueuedAt: '2026-11-23T08:00:00.000Z',
  attempts: 1,
  state: 'parked',
  reason,
})

describe('afterSettle', () => {
  const summary = { pending: 250, oldestPendingAt: '2026-11-23T08:00:00.000Z', parked: [parked('a')] }

  it('takes a batch’s acknowledged and parked records off the pending count, and lists the parked', () => {
    const next = afterSettle(summary, { acked: 98, parked: [parked('b'), parked('c', 'invalid')] })
    expect(next.pending).toBe(150)
    expect(next.oldestPendingAt).toBe(summary.oldestPendingAt)
    expect(next.parked.map((e) => e.recordId)).toEqual(['a', 'b', 'c'])
  })

  it('says nothing waits once the count reaches zero, and never goes below it', () => {
    const next = afterSettle({ ...summary, pending: 40 }, { acked: 100, parked: [] })
    expect(next).toEqual({ pending: 0, parked: summary.parked })
  })

  it('lists an entry parked again once, with its new reason', () => {
    const next = afterSettle(summary, { acked: 0, parked: [parked('a', 'forbidden')] })
    expect(next.parked).toEqual([parked('a', 'forbidden')])
  })

  it('leaves the summary as it was when the batch changed nothing', () => {
    expect(afterSettle(summary, { acked: 0, parked: [] })).toBe(summary)
  })
})
