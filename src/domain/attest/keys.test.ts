import { describe, expect, it } from 'vitest'
import { classKeyId, signedAfterRetirement } from './keys.ts'
import { stepStartMs } from './window.ts'

describe('class attestation keys', () => {
  it('numbers a class’s keys from 1', () => {
    expect(classKeyId('demo-yanan-class', 1)).toBe('cls-demo-yanan-class-1')
    expect(() => classKeyId('demo-yanan-class', 0)).toThrow()
  })

  describe('signedAfterRetirement', () => {
    const step = 59_200_000
    const at = (ms: number) => ({ retiredAt: new Date(ms).toISOString() })

    it('is false for a key in use', () => {
      expect(signedAfterRetirement({ retiredAt: null }, step)).toBe(false)
    })

    it('is true for a step that began at or after the retirement', () => {
      expect(signedAfterRetirement(at(stepStartMs(step)), step)).toBe(true)
      expect(signedAfterRetirement(at(stepStartMs(step) - 1), step)).toBe(true)
    })

    it('is false for a step already under way when the key was retired', () => {
      expect(signedAfterRetirement(at(stepStartMs(step) + 1), step)).toBe(false)
      expect(signedAfterRetirement(at(stepStartMs(step + 1)), step)).toBe(false)
    })

    it('treats a retirement at an unreadable time as covering every code', () => {
      expect(signedAfterRetirement({ retiredAt: 'soon' }, step)).toBe(true)
    })
  })
})
