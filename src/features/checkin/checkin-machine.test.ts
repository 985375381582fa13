import { describe, expect, it } from 'vitest'
import { scriptedGeolocation } from '../../platform/geolocation.ts'
import {
  type CheckinEvent,
  type CheckinState,
  checkinReducer,
  initialCheckinState,
} from './checkin-machine.ts'

const center = { lng: 109.4336, lat: 36.6335 }
const reduce = checkinReducer({ center, radiusM: 150, maxAccuracyM: 100 })
const run = (events: CheckinEvent[], from: CheckinState = initialCheckinState) => events.reduce(reduce, from)
const at = (dLat: number, accuracyM: number) => ({
  position: { lng: center.lng, lat: center.lat + dLat },
  accuracyM,
})

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
      { type: 'save-failed', reason: 'storage-full' },
    ])
    expect(failed).toMatchObject({ kind: 'save-failed', reason: 'storage-full' })
    expect(run([{ type: 'save' }], failed).kind).toBe('saving')
  })

  it('reports a denied permission', () => {
    expect(run([{ type: 'start' }, { type: 'geo-error', error: 'denied' }])).toEqual({
      kind: 'geo-error',
      error: 'denied',
    })
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
