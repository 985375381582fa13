import { describe, expect, it } from 'vitest'
import { turnToward } from './turn-toward.ts'

describe('turnToward', () => {
  it('says nothing for a point ahead, or a little to one side', () => {
    expect(turnToward(0, -5)).toBeNull()
    expect(turnToward(2, -5)).toBeNull()
  })

  it('says left or right for a point off to one side', () => {
    expect(turnToward(5, -1)).toBe('right')
    expect(turnToward(-5, -1)).toBe('left')
    expect(turnToward(5, 2)).toBe('right')
  })

  it('says to turn around for a point behind', () => {
    expect(turnToward(0, 5)).toBe('around')
    expect(turnToward(-1, 5)).toBe('around')
  })
})
