import { describe, expect, it } from 'vitest'
import type { LearningEffectView } from './effect-api.ts'
import { type EffectState, effectReducer } from './effect-state.ts'

const value: LearningEffectView = { classId: 'c1', className: '班', memberCount: 2, lessons: [] }
const at = '2026-05-10T02:00:00.000Z'

describe('effectReducer', () => {
  it('shows the first answer, and a failure when there is nothing to show', () => {
    const loading: EffectState = { status: 'loading' }
    expect(effectReducer(loading, { type: 'answered', outcome: { kind: 'ok', value }, at })).toEqual({
      status: 'ready',
      value,
      fetchedAt: at,
      refreshing: false,
      problem: null,
    })
    expect(effectReducer(loading, { type: 'answered', outcome: { kind: 'offline' }, at })).toEqual({
      status: 'failed',
      problem: { kind: 'offline' },
      retrying: false,
    })
  })

  it('keeps the last answer through an offline refresh, but not through a 403', () => {
    let s = effectReducer({ status: 'loading' }, { type: 'answered', outcome: { kind: 'ok', value }, at })
    s = effectReducer(s, { type: 'refreshing' })
    expect(s).toMatchObject({ status: 'ready', refreshing: true })
    const offline = effectReducer(s, { type: 'answered', outcome: { kind: 'offline' }, at: 'later' })
    expect(offline).toMatchObject({
      status: 'ready',
      value,
      fetchedAt: at,
      refreshing: false,
      problem: { kind: 'offline' },
    })
    expect(effectReducer(offline, { type: 'answered', outcome: { kind: 'forbidden' }, at })).toEqual({
      status: 'failed',
      problem: { kind: 'forbidden' },
      retrying: false,
    })
  })

  it('marks a retry after a failure, then shows the answer', () => {
    let s: EffectState = { status: 'failed', problem: { kind: 'offline' }, retrying: false }
    s = effectReducer(s, { type: 'refreshing' })
    expect(s).toMatchObject({ status: 'failed', retrying: true })
    expect(effectReducer(s, { type: 'answered', outcome: { kind: 'ok', value }, at })).toMatchObject({
      status: 'ready',
    })
  })
})
