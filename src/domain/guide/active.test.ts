import { describe, expect, it } from 'vitest'
import { activeEvents, applyEvent, NO_ACTIVE } from './active.ts'
import type { CommandEvent, GuideCommand } from './commands.ts'

const event = (seq: number, command: GuideCommand): CommandEvent => ({
  id: `e${seq}`,
  classId: 'c1',
  seq,
  at: '2026-05-10T02:00:00.000Z',
  issuer: { id: 't1', displayName: '张老师' },
  command,
})
const replay = (...events: CommandEvent[]) => events.reduce(applyEvent, NO_ACTIVE)

describe('active commands of a class', () => {
  it('keeps only the latest place to be', () => {
    const state = replay(
      event(1, { type: 'gather', siteId: 'zaoyuan' }),
      event(2, { type: 'start-lesson', lessonId: 'zaoyuan-lesson' }),
    )
    expect(activeEvents(state).map((e) => e.id)).toEqual(['e2'])
    expect(state.seq).toBe(2)
  })

  it('keeps a pause beside the place, in order, until resumed', () => {
    const paused = replay(
      event(1, { type: 'vr-scene', sceneId: 'oath-hall' }),
      event(2, { type: 'vr-pause', paused: true }),
      event(3, { type: 'vr-look', sceneId: 'oath-hall', hotspotId: 'dangqi' }),
    )
    expect(activeEvents(paused).map((e) => e.id)).toEqual(['e2', 'e3'])
    const resumed = applyEvent(paused, event(4, { type: 'vr-pause', paused: false }))
    expect(activeEvents(resumed).map((e) => e.id)).toEqual(['e3'])
    expect(resumed.seq).toBe(4)
  })

  it('the end clears the pause and is itself replayed, so a late joiner drops an old banner', () => {
    const state = replay(
      event(1, { type: 'vr-scene', sceneId: 'oath-hall' }),
      event(2, { type: 'vr-pause', paused: true }),
      event(3, { type: 'end' }),
    )
    expect(activeEvents(state).map((e) => e.command.type)).toEqual(['end'])
  })

  it('ignores an event older than what it already has', () => {
    const state = replay(event(5, { type: 'end' }))
    expect(applyEvent(state, event(4, { type: 'gather', siteId: 'zaoyuan' }))).toBe(state)
  })
})
