import { describe, expect, it } from 'vitest'
import { syncTrouble } from './SyncProblem.tsx'

describe('syncTrouble', () => {
  const retrying = (reason: string) => ({ kind: 'retrying', attempt: 1, nextAt: 0, reason }) as const
  it('is "offline" when the browser says so, whatever the loop last saw', () => {
    expect(syncTrouble({ kind: 'idle' }, false)).toBe('offline')
  })
  it('reads the retry reason: no answer, too slow, a sign-in page, or the server', () => {
    expect(syncTrouble(retrying('network'), true)).toBe('unreachable')
    expect(syncTrouble(retrying('timeout'), true)).toBe('slow')
    expect(syncTrouble(retrying('not-json'), true)).toBe('sign-in-page')
    expect(syncTrouble(retrying('http-503'), true)).toBe('server')
    expect(syncTrouble(retrying('rate-limited'), true)).toBe('server')
  })
  it('is nothing while syncing or idle online', () => {
    expect(syncTrouble({ kind: 'syncing' }, true)).toBeNull()
    expect(syncTrouble({ kind: 'idle' }, true)).toBeNull()
  })
})
