import { describe, expect, it } from 'vitest'
import { parseClientMessage, parseServerMessage } from './messages.ts'

describe('parseClientMessage', () => {
  it('reads each message a client sends', () => {
    expect(parseClientMessage('{"type":"subscribe","classId":"c1"}')).toEqual({
      ok: true,
      message: { type: 'subscribe', classId: 'c1' },
    })
    expect(
      parseClientMessage(
        JSON.stringify({
          type: 'command',
          classId: 'c1',
          ref: 'r1',
          command: { type: 'gather', siteId: 'zaoyuan' },
        }),
      ).ok,
    ).toBe(true)
    expect(parseClientMessage('{"type":"ack","classId":"c1","seq":3}').ok).toBe(true)
    expect(parseClientMessage('{"type":"ping"}').ok).toBe(true)
  })

  it('says what is wrong, with the field path', () => {
    expect(parseClientMessage('{nope')).toEqual({ ok: false, field: '', problem: 'is not JSON' })
    const bad = parseClientMessage(
      JSON.stringify({ type: 'command', classId: 'c1', ref: 'r1', command: { type: 'gather', siteId: 'X' } }),
    )
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.field).toBe('command.siteId')
    // The member id never comes from a message: an unknown field is refused, not ignored.
    expect(parseClientMessage('{"type":"ack","classId":"c1","seq":1,"userId":"x"}').ok).toBe(false)
  })
})

describe('parseServerMessage', () => {
  it('reads an error with its stable code and drops an unknown code', () => {
    expect(parseServerMessage('{"type":"error","code":"forbidden","message":"m","classId":"c1"}').ok).toBe(
      true,
    )
    expect(parseServerMessage('{"type":"error","code":"teapot","message":"m"}').ok).toBe(false)
  })
})
