import { describe, expect, it } from 'vitest'
import { type CommandEvent, CommandEventSchema, GuideCommandSchema, sceneOf } from './commands.ts'

describe('GuideCommandSchema', () => {
  it('accepts each command with its fields', () => {
    for (const command of [
      { type: 'gather', siteId: 'zaoyuan' },
      { type: 'start-lesson', lessonId: 'zaoyuan-lesson' },
      { type: 'show-quiz', lessonId: 'zaoyuan-lesson' },
      { type: 'end' },
      { type: 'vr-scene', sceneId: 'oath-hall' },
      { type: 'vr-look', sceneId: 'yanan-yaodong', hotspotId: 'fangche' },
      { type: 'vr-pause', paused: true },
      { type: 'vr-oath-start', sceneId: 'oath-hall' },
      { type: 'vr-oath-line', sceneId: 'oath-hall', line: 3 },
    ])
      expect(GuideCommandSchema.parse(command)).toEqual(command)
  })

  it('refuses unknown types, unknown fields, bad ids and missing fields', () => {
    expect(GuideCommandSchema.safeParse({ type: 'dance' }).success).toBe(false)
    expect(GuideCommandSchema.safeParse({ type: 'end', extra: 1 }).success).toBe(false)
    expect(GuideCommandSchema.safeParse({ type: 'gather', siteId: '../etc' }).success).toBe(false)
    expect(GuideCommandSchema.safeParse({ type: 'gather', siteId: 'a'.repeat(81) }).success).toBe(false)
    expect(GuideCommandSchema.safeParse({ type: 'vr-look', sceneId: 'oath-hall' }).success).toBe(false)
    expect(
      GuideCommandSchema.safeParse({ type: 'vr-oath-line', sceneId: 'oath-hall', line: 0 }).success,
    ).toBe(false)
  })
})

describe('CommandEvent', () => {
  it('fits a PostgreSQL NOTIFY payload (8000 bytes) even with every field at its longest', () => {
    const id = 'a'.repeat(80)
    const event: CommandEvent = {
      id,
      classId: id,
      seq: Number.MAX_SAFE_INTEGER,
      at: new Date().toISOString(),
      issuer: { id, displayName: '张'.repeat(80) },
      command: { type: 'vr-look', sceneId: id, hotspotId: id },
    }
    expect(CommandEventSchema.parse(event)).toEqual(event)
    // The backplane wraps the event in a small envelope; UTF-8 Chinese is 3 bytes a character.
    expect(
      new TextEncoder().encode(JSON.stringify({ t: 'cmd', p: 'x'.repeat(40), e: event })).length,
    ).toBeLessThan(2000)
  })

  it('names the scene of a VR command', () => {
    expect(sceneOf({ type: 'vr-look', sceneId: 'oath-hall', hotspotId: 'dangqi' })).toBe('oath-hall')
    expect(sceneOf({ type: 'vr-pause', paused: true })).toBeUndefined()
    expect(sceneOf({ type: 'gather', siteId: 'zaoyuan' })).toBeUndefined()
  })
})
