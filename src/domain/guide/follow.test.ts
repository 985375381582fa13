import { describe, expect, it } from 'vitest'
import { isStale, planFollow, STALE_AFTER_MS, targetOf } from './follow.ts'

const facts = { there: false, typing: false, followedBefore: false, dismissedBefore: false, stale: false }

describe('targetOf', () => {
  it('maps each command to the screen it asks for', () => {
    expect(targetOf({ type: 'gather', siteId: 'zaoyuan' })).toEqual({ kind: 'site', siteId: 'zaoyuan' })
    expect(targetOf({ type: 'show-quiz', lessonId: 'l' })).toEqual({
      kind: 'lesson',
      lessonId: 'l',
      part: 'quiz',
    })
    expect(targetOf({ type: 'vr-oath-line', sceneId: 'oath-hall', line: 2 })).toEqual({
      kind: 'vr-scene',
      sceneId: 'oath-hall',
    })
    expect(targetOf({ type: 'end' })).toEqual({ kind: 'none' })
  })
})

describe('planFollow', () => {
  const lesson = targetOf({ type: 'start-lesson', lessonId: 'l' })

  it('moves the screen and acknowledges only once it shows the target', () => {
    expect(planFollow(lesson, facts)).toEqual({ navigate: true, banner: true, ackNow: false })
    expect(planFollow(lesson, { ...facts, there: true })).toEqual({
      navigate: false,
      banner: true,
      ackNow: true,
    })
  })

  it('does not sweep a typing member off the page: the banner waits for them', () => {
    expect(planFollow(lesson, { ...facts, typing: true })).toEqual({
      navigate: false,
      banner: true,
      ackNow: false,
    })
  })

  it('does nothing twice after a reload, but tells the trainer again', () => {
    expect(planFollow(lesson, { ...facts, followedBefore: true })).toEqual({
      navigate: false,
      banner: false,
      ackNow: true,
    })
  })

  it('acknowledges the end at once and keeps a dismissed banner away', () => {
    expect(planFollow({ kind: 'none' }, { ...facts, dismissedBefore: true })).toEqual({
      navigate: false,
      banner: false,
      ackNow: true,
    })
  })

  it("ignores yesterday's command replayed to a phone that opens today, but never a live one", () => {
    expect(planFollow(lesson, { ...facts, stale: true })).toEqual({
      navigate: false,
      banner: false,
      ackNow: false,
    })
    const at = '2026-05-10T02:00:00.000Z'
    const later = Date.parse(at) + STALE_AFTER_MS + 1
    expect(isStale(at, true, later)).toBe(true)
    expect(isStale(at, false, later)).toBe(false)
    expect(isStale(at, true, Date.parse(at) + 60_000)).toBe(false)
  })
})
