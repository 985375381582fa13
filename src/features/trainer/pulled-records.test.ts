import { describe, expect, it } from 'vitest'
import { record } from '../../domain/testing/fixtures.ts'
import { mergePulled, readPulled } from './pulled-records.ts'

const checkin = record('checkin', { siteId: 'zaoyuan', method: 'gps', verdict: 'inside' })

describe('readPulled', () => {
  it('validates a record of a known kind and keeps the server’s status and flags', () => {
    const r = readPulled({ serverSeq: 3, status: 'held', flags: ['clock-skew'], record: checkin })
    expect(r).toEqual({ serverSeq: 3, status: 'held', flags: ['clock-skew'], record: checkin })
  })

  it('drops a known kind it cannot read, keeps an unknown kind as it came', () => {
    const broken = { ...checkin, payload: { siteId: 'zaoyuan' } }
    expect(readPulled({ serverSeq: 1, status: 'accepted', flags: [], record: broken })).toBeUndefined()
    const future = { ...checkin, kind: 'future.kind', payload: { anything: 1 } }
    expect(readPulled({ serverSeq: 2, status: 'accepted', flags: [], record: future })?.record).toEqual(
      future,
    )
    expect(readPulled({ serverSeq: 2, status: 'accepted', flags: [], record: { kind: 'x' } })).toBeUndefined()
  })
})

describe('mergePulled', () => {
  it('keeps one copy per record id, the latest pulled, in server order', () => {
    const other = record('reflection', { text: '好' })
    const kept = [
      { serverSeq: 5, status: 'held' as const, flags: [], record: checkin },
      { serverSeq: 2, status: 'accepted' as const, flags: [], record: other },
    ]
    const merged = mergePulled(kept, [
      { serverSeq: 5, status: 'accepted', flags: ['parent-missing'], record: checkin },
    ])
    expect(merged.map((r) => [r.serverSeq, r.status, r.flags])).toEqual([
      [2, 'accepted', []],
      [5, 'accepted', ['parent-missing']],
    ])
  })
})
