import { describe, expect, it } from 'vitest'
import { newPasswordProblem, PASSWORD_MAX, PASSWORD_MIN } from './password-rules.ts'

describe('newPasswordProblem', () => {
  it('accepts a new password of the minimum length typed the same twice', () => {
    const next = 'x'.repeat(PASSWORD_MIN)
    expect(newPasswordProblem('old-password', next, next)).toBeNull()
  })

  it('says too short one character below the minimum, and too long one above the maximum', () => {
    const short = 'x'.repeat(PASSWORD_MIN - 1)
    expect(newPasswordProblem('old-password', short, short)).toEqual({
      field: 'newPassword',
      kind: 'too-short',
    })
    const long = 'x'.repeat(PASSWORD_MAX + 1)
    expect(newPasswordProblem('old-password', long, long)).toEqual({ field: 'newPassword', kind: 'too-long' })
  })

  it('refuses the current password again, before comparing the two copies', () => {
    expect(newPasswordProblem('same-password', 'same-password', 'other')).toEqual({
      field: 'newPassword',
      kind: 'same-as-current',
    })
  })

  it('points at the second field when the copies differ', () => {
    expect(newPasswordProblem('old-password', 'new-password-1', 'new-password-2')).toEqual({
      field: 'confirmPassword',
      kind: 'mismatch',
    })
  })
})
