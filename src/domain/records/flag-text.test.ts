import { describe, expect, it } from 'vitest'
import { FLAG } from '../../../server/sync/flags.ts'
import { flagText, needsAttention } from './flag-text.ts'

const QR_REASONS = [
  'malformed',
  'unknown-key',
  'key-not-allowed',
  'bad-signature',
  'not-yet-valid',
  'expired',
  'wrong-site',
]

describe('flagText', () => {
  it('explains every flag the server can set, in Chinese and English', () => {
    for (const code of [...Object.values(FLAG), ...QR_REASONS.map((r) => `qr-${r}`)]) {
      const t = flagText(code)
      expect(t.zh, code).not.toMatch(/^其他标记/)
      expect(t.en.length, code).toBeGreaterThan(5)
    }
  })

  it('shows an unknown code as it is, as something to look at', () => {
    expect(flagText('new-flag')).toEqual({
      code: 'new-flag',
      tone: 'warn',
      zh: '其他标记：new-flag',
      en: 'Other flag: new-flag',
    })
    expect(needsAttention(['content-outdated', 'clock-skew'])).toBe(false)
    expect(needsAttention(['content-outdated', 'new-flag'])).toBe(true)
  })
})
