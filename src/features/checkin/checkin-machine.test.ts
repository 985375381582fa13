import { describe, expect, it } from 'vitest'
import { scriptedGeolocation } from '../../platform/geolocation.ts'
import {
  type CheckinEvent,
  type CheckinState,
  checkinReducer,
  initialCheckinState,
  isWatching,
} from './checkin-machine.ts'

const center = { lng: 109.4336, lat: 36.6335 }
const reduce = checkinReducer({ center, radiusM: 150, maxAccuracyM: 100 })
const run = (events: CheckinEvent[], from: CheckinState = initialCheckinState) => events.reduce(reduce, from)
const at = (dLat: number, accuracyM: number) => ({
  position: { lng: center.lng, lat: center.lat + dLat },
  accuracyM,
})
/** The verdict of a fix at the centre, as the reducer judged it. */
const inside = (() => {
  const s = run([{ type: 'start' }, { type: 'fix', fix: at(0, 10) }])
  if (s.kind !== 'judged' || s.verdict.kind !== 'inside') throw new Error('the centre is not inside')
  return s.verdict
})()

describe('check-in lifecycle', () => {
  it('goes locating → judged inside → saving → saved', () => {
    const s = run([
      { type: 'start' },
      { type: 'fix', fix: at(0, 10) },
      { type: 'save' },
      { type: 'saved', recordId: 'r1' },
    ])
    expect(s).toEqual({ kind: 'saved', recordId: 'r1' })
  })

  it('improves from poor accuracy to inside as better fixes arrive', () => {
    const poor = run([{ type: 'start' }, { type: 'fix', fix: at(0, 180) }])
    expect(poor.kind === 'judged' && poor.verdict.kind).toBe('poor-accuracy')
    const better = run([{ type: 'fix', fix: at(0, 20) }], poor)
    expect(better.kind === 'judged' && better.verdict.kind).toBe('inside')
  })

  it('does not save from outside or poor accuracy', () => {
    const outside = run([{ type: 'start' }, { type: 'fix', fix: at(0.01, 10) }, { type: 'save' }])
    expect(outside.kind).toBe('judged')
  })

  it('ignores late fixes while saving and after saving', () => {
    const saving = run([
      { type: 'start' },
      { type: 'fix', fix: at(0, 10) },
      { type: 'save' },
      { type: 'fix', fix: at(0.01, 10) },
    ])
    expect(saving.kind).toBe('saving')
    const saved = run(
      [{ type: 'saved', recordId: 'r' }, { type: 'fix', fix: at(0.01, 10) }, { type: 'start' }],
      saving,
    )
    expect(saved).toEqual({ kind: 'saved', recordId: 'r' })
  })

  it('keeps the fix after a failed save so the member can retry', () => {
    const failed = run([
      { type: 'start' },
      { type: 'fix', fix: at(0, 10) },
      { type: 'save' },
      { type: 'save-failed', reason: 'storage-full', fix: at(0, 10), verdict: inside },
    ])
    expect(failed).toMatchObject({ kind: 'save-failed', reason: 'storage-full' })
    expect(run([{ type: 'save' }], failed).kind).toBe('saving')
  })

  it('goes straight from judged to saved when the write ends before its notice was shown', () => {
    // The member tapped inside; a fix outside arrived while the record was being written.
    const moved = run([
      { type: 'start' },
      { type: 'fix', fix: at(0, 10) },
      { type: 'fix', fix: at(0.01, 10) },
    ])
    expect(moved).toMatchObject({ kind: 'judged', verdict: { kind: 'outside' } })
    expect(run([{ type: 'saved', recordId: 'r' }], moved)).toEqual({ kind: 'saved', recordId: 'r' })
  })

  it('keeps the tapped fix when a write fails before its notice was shown', () => {
    const moved = run([{ type: 'start' }, { type: 'fix', fix: at(0.01, 10) }])
    const failed = run([{ type: 'save-failed', reason: 'other', fix: at(0, 10), verdict: inside }], moved)
    expect(failed).toEqual({ kind: 'save-failed', reason: 'other', fix: at(0, 10), verdict: inside })
    expect(run([{ type: 'save' }], failed).kind).toBe('saving')
    const saved = run([{ type: 'save-failed', reason: 'other', fix: at(0, 10), verdict: inside }], {
      kind: 'saved',
      recordId: 'r',
    })
    expect(saved).toEqual({ kind: 'saved', recordId: 'r' })
  })

  it('reports a denied permission', () => {
    expect(run([{ type: 'start' }, { type: 'geo-error', error: 'denied' }])).toEqual({
      kind: 'geo-error',
      error: 'denied',
    })
  })

  it('ends the watch when there is no geolocation at all', () => {
    expect(run([{ type: 'start' }, { type: 'geo-error', error: 'unsupported' }])).toEqual({
      kind: 'geo-error',
      error: 'unsupported',
    })
  })

  it('keeps watching through a lost signal while locating, and judges the next fix', () => {
    for (const error of ['unavailable', 'timeout'] as const) {
      const lost = run([{ type: 'start' }, { type: 'geo-error', error }])
      expect(lost).toEqual({ kind: 'locating', trouble: error })
      expect(isWatching(lost)).toBe(true)
      expect(run([{ type: 'fix', fix: at(0, 10) }], lost)).toMatchObject({
        kind: 'judged',
        verdict: { kind: 'inside' },
      })
    }
  })

  it('keeps the last verdict through a lost signal, and moves on with the next fix', () => {
    // 550 m north of a 150 m fence: outside. The signal drops; then a fix inside arrives.
    const outside = run([{ type: 'start' }, { type: 'fix', fix: at(0.005, 10) }])
    expect(outside).toMatchObject({ kind: 'judged', verdict: { kind: 'outside' } })
    const lost = run([{ type: 'geo-error', error: 'timeout' }], outside)
    expect(lost).toEqual({ ...outside, trouble: 'timeout' })
    expect(isWatching(lost)).toBe(true)
    const arrived = run([{ type: 'fix', fix: at(0, 10) }], lost)
    expect(arrived).toMatchObject({ kind: 'judged', verdict: { kind: 'inside' } })
    expect(arrived).not.toHaveProperty('trouble')
  })

  it('can still save the last inside verdict after the signal dropped', () => {
    const s = run([
      { type: 'start' },
      { type: 'fix', fix: at(0, 10) },
      { type: 'geo-error', error: 'unavailable' },
      { type: 'save' },
    ])
    expect(s.kind).toBe('saving')
  })

  it('can be driven through the scripted geolocation port', async () => {
    const port = scriptedGeolocation([at(0, 300), at(0, 40)])
    let state = run([{ type: 'start' }])
    const stop = port.watch(
      (fix) => {
        state = reduce(state, { type: 'fix', fix })
      },
      (error) => {
        state = reduce(state, { type: 'geo-error', error })
      },
    )
    await port.drained
    stop()
    expect(state.kind === 'judged' && state.verdict.kind).toBe('inside')
  })
})
