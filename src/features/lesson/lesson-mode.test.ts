import { describe, expect, it } from 'vitest'
import { resolveMode } from './lesson-mode.ts'

const remoteAllowed = { modes: ['onsite', 'remote'] as ('onsite' | 'remote')[] }
const onsiteOnly = { modes: ['onsite'] as ('onsite' | 'remote')[] }

describe('resolveMode', () => {
  it('is on site whenever the member has a stamp for the site, even after choosing remote', () => {
    expect(resolveMode(remoteAllowed, { presence: 'checked-in', choseRemote: true })).toEqual({
      kind: 'onsite',
      by: 'checked-in',
    })
    expect(resolveMode(onsiteOnly, { presence: 'checked-in', choseRemote: false })).toEqual({
      kind: 'onsite',
      by: 'checked-in',
    })
  })

  it('is on site when the trainer confirmed the presence, without a check-in, even after choosing remote', () => {
    expect(resolveMode(remoteAllowed, { presence: 'confirmed', choseRemote: true })).toEqual({
      kind: 'onsite',
      by: 'confirmed',
    })
    expect(resolveMode(onsiteOnly, { presence: 'confirmed', choseRemote: false })).toEqual({
      kind: 'onsite',
      by: 'confirmed',
    })
  })

  it('offers a choice when absent and remote study is allowed, and is remote once chosen', () => {
    expect(resolveMode(remoteAllowed, { presence: 'absent', choseRemote: false })).toEqual({ kind: 'choose' })
    expect(resolveMode(remoteAllowed, { presence: 'absent', choseRemote: true })).toEqual({ kind: 'remote' })
  })

  it('requires a check-in for an onsite-only lesson, whatever was chosen', () => {
    expect(resolveMode(onsiteOnly, { presence: 'absent', choseRemote: true })).toEqual({
      kind: 'checkin-required',
    })
  })
})
