import { describe, expect, it } from 'vitest'
import { chinaDate, isClassCurrent } from './current.ts'

describe('isClassCurrent', () => {
  const cls = { startsOn: '2026-05-10', endsOn: '2026-05-11' }

  it('counts days in China Standard Time, both ends included', () => {
    // 2026-05-09 16:00 UTC is already 05-10 in Beijing.
    expect(chinaDate(new Date('2026-05-09T16:00:00Z'))).toBe('2026-05-10')
    expect(isClassCurrent(cls, new Date('2026-05-09T15:59:59Z'))).toBe(false)
    expect(isClassCurrent(cls, new Date('2026-05-09T16:00:00Z'))).toBe(true)
    expect(isClassCurrent(cls, new Date('2026-05-11T15:59:59Z'))).toBe(true)
    expect(isClassCurrent(cls, new Date('2026-05-11T16:00:00Z'))).toBe(false)
  })
})
