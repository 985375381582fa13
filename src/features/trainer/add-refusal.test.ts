import { describe, expect, it } from 'vitest'
import { addRefusal } from './add-refusal.ts'
import type { ApiFailure, Person } from './api.ts'
import type { TrainerStrings } from './strings.ts'

/** Only the words addRefusal uses, marked so a test can tell which were chosen. */
const s = {
  serverSays: (m: string) => `server: ${m}`,
  errPerson: (name: string, m: string) => `${name} — ${m}`,
  loginNeededBody: 'log in',
} as unknown as TrainerStrings
const words = { offline: 'offline', failed: 'failed' }
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

describe('addRefusal', () => {
  it('puts the server’s reason on the chosen person its path names, for the right list', () => {
    expect(addRefusal(invalid('trainerIds.1'), chosen, 'trainers', s, words)).toEqual({
      message: '乙 — server: is not a trainer or admin account',
      person: true,
    })
    // A members path is not about the trainers being added.
    expect(addRefusal(invalid('memberIds.1'), chosen, 'trainers', s, words)).toEqual({
      message: 'server: is not a trainer or admin account',
      person: false,
    })
    expect(addRefusal(invalid('memberIds.0'), chosen, 'members', s, words).message).toMatch(/^甲 — /)
  })

  it('says the form’s own words when offline, logged out or anything else', () => {
    expect(addRefusal({ ok: false, kind: 'offline' }, chosen, 'members', s, words)).toEqual({
      message: 'offline',
      person: false,
    })
    expect(addRefusal({ ok: false, kind: 'logged-out' }, chosen, 'members', s, words).message).toBe('log in')
    expect(addRefusal({ ok: false, kind: 'error', status: 503 }, chosen, 'members', s, words).message).toBe(
      'failed',
    )
  })
})
