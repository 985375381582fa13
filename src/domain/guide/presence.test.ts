import { describe, expect, it } from 'vitest'
import { hasFollowed, mergePresence } from './presence.ts'

describe('mergePresence', () => {
  it('joins one person connected to two processes and keeps their furthest acknowledgement', () => {
    const people = mergePresence([
      { userId: 'm1', displayName: '李红梅', role: 'follow', connections: 1, ackedSeq: 3 },
      { userId: 'm1', displayName: '李红梅', role: 'follow', connections: 2, ackedSeq: 5 },
      { userId: 't1', displayName: '张老师', role: 'lead', connections: 1, ackedSeq: 0 },
      { userId: 'm2', displayName: '王建国', role: 'follow', connections: 0, ackedSeq: 9 },
    ])
    expect(people).toEqual([
      { userId: 't1', displayName: '张老师', role: 'lead', connections: 1, ackedSeq: 0 },
      { userId: 'm1', displayName: '李红梅', role: 'follow', connections: 3, ackedSeq: 5 },
    ])
  })

  it('says followed only once the newest command is acknowledged', () => {
    expect(hasFollowed({ ackedSeq: 4 }, 5)).toBe(false)
    expect(hasFollowed({ ackedSeq: 5 }, 5)).toBe(true)
    expect(hasFollowed({ ackedSeq: 0 }, 0)).toBe(false)
  })
})
