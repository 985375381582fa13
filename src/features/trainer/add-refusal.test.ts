import { describe, expect, it } from 'vitest'
import { addRefusal } from './add-refusal.ts'
import type { ApiFailure, Person } from './api.ts'
import { type TrainerStrings, trainerStringsFor } from './strings.ts'

/** Only the words addRefusal uses, marked so a test can tell which were chosen. */
const s = {
  serverSays: (m: string) => `server: ${m}`,
  errPerson: (name: string, m: string) => `${name} — ${m}`,
  loginNeededBody: 'log in',
} as unknown as TrainerStrings
const words = { offline: () => 'offline', failed: () => 'failed' }
const chosen: Person[] = [
  { id: 'a', displayName: '甲', memberNumber: null, branchId: null, branchName: null },
  { id: 'b', displayName: '乙', memberNumber: null, branchId: null, branchName: null },
]
const invalid = (field: string | null): ApiFailure => ({
  ok: false,
  kind: 'invalid',
  status: 400,
  code: 'invalid',
  message: 'is not a trainer or admin account',
  field,
  problems: [],
})

/** The refusal as said with the test's words. */
const said = (...args: Parameters<typeof addRefusal>) => {
  const { say, person } = addRefusal(...args)
  return { message: say(s), person }
}

describe('addRefusal', () => {
  it('puts the server’s reason on the chosen person its path names, for the right list', () => {
    expect(said(invalid('trainerIds.1'), chosen, 'trainers', words)).toEqual({
      message: '乙 — server: is not a trainer or admin account',
      person: true,
    })
    // A members path is not about the trainers being added.
    expect(said(invalid('memberIds.1'), chosen, 'trainers', words)).toEqual({
      message: 'server: is not a trainer or admin account',
      person: false,
    })
    expect(said(invalid('memberIds.0'), chosen, 'members', words).message).toMatch(/^甲 — /)
  })

  it('says the form’s own words when offline, logged out or anything else', () => {
    expect(said({ ok: false, kind: 'offline' }, chosen, 'members', words)).toEqual({
      message: 'offline',
      person: false,
    })
    expect(said({ ok: false, kind: 'logged-out' }, chosen, 'members', words).message).toBe('log in')
    expect(said({ ok: false, kind: 'error', status: 503 }, chosen, 'members', words).message).toBe('failed')
  })
})

describe('addRefusal, said after a language switch', () => {
  it('says the same refusal in whichever language it is said in', () => {
    const { say } = addRefusal(invalid('memberIds.0'), chosen, 'members', words)
    expect(say(trainerStringsFor('zh-CN'))).toMatch(/^甲.*服务器提示：is not a trainer/)
    expect(say(trainerStringsFor('en'))).toMatch(/^甲.*The server says: is not a trainer/)
  })
})
