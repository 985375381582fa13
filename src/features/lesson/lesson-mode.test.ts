import { describe, expect, it } from 'vitest'
import { resolveMode } from './lesson-mode.ts'

const remoteAllowed = { modes: ['onsite', 'remote'] as ('onsite' | 'remote')[] }
const onsiteOnly = { modes: ['onsite'] as ('onsite' | 'remote')[] }

describe('resolveMode', () => {
  it('is on site whenever the member has a stamp for the site, even after choosing remote', () => {
    expect(resolveMode(remoteAllowed, { hasStamp: true, choseRemote: true })).toEqual({ kind: 'onsite' })
    expect(resolveMode(onsiteOnly, { hasStamp: true, choseRemote: false })).toEqual({ kind: 'onsite' })
  })

  it('offers a choice without a stamp when remote study is allowed, and is remote once chosen', () => {
    expect(resolveMode(remoteAllowed, { hasStamp: false, choseRemote: false })).toEqual({ kind: 'choose' })
    expect(resolveMode(remoteAllowed, { hasStamp: false, choseRemote: true })).toEqual({ kind: 'remote' })
  })

  it('requires a check-in for an onsite-only lesson, whatever was chosen', () => {
    expect(resolveMode(onsiteOnly, { hasStamp: false, choseRemote: true })).toEqual({
      kind: 'checkin-required',
    })
  })
})
