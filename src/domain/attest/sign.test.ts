import { describe, expect, it } from 'vitest'
import { generateSiteKeyPair, importSitePrivateKey } from '../qr/keys.ts'
import { attestClaims, signAttestToken } from './sign.ts'
import { attestTokenId, parseAttestToken } from './token.ts'
import { stepStartMs } from './window.ts'

describe('attestClaims', () => {
  it("takes the step from the trainer's clock and a fresh 16-byte nonce per code", () => {
    const base = { kid: 'cls-c1-1', classId: 'c1', at: { lesson: 'zaoyuan-lesson' }, trainerId: 't1' }
    const a = attestClaims({ ...base, nowMs: stepStartMs(59_000_000) + 29_999 })
    const b = attestClaims({ ...base, nowMs: stepStartMs(59_000_000) })
    expect(a).toMatchObject({ v: 1, kid: 'cls-c1-1', cls: 'c1', step: 59_000_000, by: 't1' })
    expect(b.step).toBe(59_000_000)
    expect(a.n).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(a.n).not.toBe(b.n)
    expect(attestTokenId(a)).not.toBe(attestTokenId(b))
  })
})

describe('signAttestToken', () => {
  it('produces a token whose claims parse back unchanged', async () => {
    const { privateJwk } = await generateSiteKeyPair()
    const c = attestClaims({
      kid: 'cls-c1-1',
      classId: 'c1',
      at: { site: 'zaoyuan' },
      trainerId: 't1',
      nowMs: Date.now(),
    })
    const parsed = parseAttestToken(await signAttestToken(c, await importSitePrivateKey(privateJwk)))
    expect(parsed?.claims).toEqual(c)
    expect(parsed?.signingInput.startsWith('HA1.')).toBe(true)
  })

  it('refuses to sign claims no verifier would accept', async () => {
    const { privateJwk } = await generateSiteKeyPair()
    const key = await importSitePrivateKey(privateJwk)
    const c = attestClaims({ kid: 'k', classId: 'c1', at: { site: 'zaoyuan' }, trainerId: 't1', nowMs: 0 })
    await expect(signAttestToken({ ...c, at: { site: 'Zao Yuan' } }, key)).rejects.toThrow(/kebab-case/)
    await expect(signAttestToken({ ...c, cls: '班次' }, key)).rejects.toThrow(/class id/)
  })
})
