import { describe, expect, it } from 'vitest'
import { generateSiteKeyPair, importSitePrivateKey } from './keys.ts'
import { DAY_S, signSiteToken, siteTokenClaims } from './sign.ts'
import { parseSiteToken } from './token.ts'

describe('siteTokenClaims', () => {
  it('starts at the given second and lasts the given days, with a fresh random jti', () => {
    const from = new Date('2025-07-01T08:00:00.900Z')
    const a = siteTokenClaims({ kid: 'k1', site: 'zaoyuan', from, validDays: 365 })
    const b = siteTokenClaims({ kid: 'k1', site: 'zaoyuan', from, validDays: 365 })
    expect(a.nbf).toBe(Date.UTC(2025, 6, 1, 8) / 1000)
    expect(a.exp - a.nbf).toBe(365 * DAY_S)
    expect(a.jti).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(a.jti).not.toBe(b.jti)
  })

  it('refuses a non-positive validity', () => {
    expect(() => siteTokenClaims({ kid: 'k1', site: 'zaoyuan', from: new Date(), validDays: 0 })).toThrow(
      /validDays/,
    )
  })
})

describe('signSiteToken', () => {
  it('produces a token whose claims parse back unchanged', async () => {
    const { privateJwk } = await generateSiteKeyPair()
    const c = siteTokenClaims({ kid: 'k1', site: 'zaoyuan', from: new Date(), validDays: 1 })
    const parsed = parseSiteToken(await signSiteToken(c, await importSitePrivateKey(privateJwk)))
    expect(parsed?.claims).toEqual(c)
    expect(parsed?.signature).toHaveLength(64)
  })

  it('refuses to sign claims no verifier would accept', async () => {
    const { privateJwk } = await generateSiteKeyPair()
    const key = await importSitePrivateKey(privateJwk)
    const c = siteTokenClaims({ kid: 'k1', site: 'zaoyuan', from: new Date(), validDays: 1 })
    await expect(signSiteToken({ ...c, site: 'Zao Yuan' }, key)).rejects.toThrow(
      /site is not a kebab-case id/,
    )
  })
})
