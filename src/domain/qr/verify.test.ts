import { beforeAll, describe, expect, it } from 'vitest'
import { bytesToBase64url, textToBase64url } from './base64url.ts'
import { generateSiteKeyPair, importSitePrivateKey, type KeyRingEntry } from './keys.ts'
import { signSiteToken } from './sign.ts'
import type { SiteTokenClaims } from './token.ts'
import { verifySiteToken } from './verify.ts'

/**
 * Offline verification, one refusal per test (notes/reliability.md fault row 30). Keys are
 * made fresh per run, so nothing here depends on a stored key.
 */

const T0 = new Date('2025-07-01T08:00:00Z')
const t0 = T0.getTime() / 1000
const at = (offsetS: number) => new Date((t0 + offsetS) * 1000)
const claims = (over: Partial<SiteTokenClaims> = {}): SiteTokenClaims => ({
  v: 1,
  kid: 'site-2025',
  site: 'zaoyuan',
  nbf: t0,
  exp: t0 + 3600,
  jti: 'AAECAwQFBgcICQoLDA0ODw',
  ...over,
})

let keyring: KeyRingEntry[]
let privateKey: CryptoKey
let otherPrivateKey: CryptoKey

beforeAll(async () => {
  const mine = await generateSiteKeyPair()
  const other = await generateSiteKeyPair()
  keyring = [{ kid: 'site-2025', use: 'site', alg: 'ES256', publicKey: mine.publicJwk }]
  privateKey = await importSitePrivateKey(mine.privateJwk)
  otherPrivateKey = await importSitePrivateKey(other.privateJwk)
})

/** The last character of an 86-character signature carries 2 bits; this sets its 4 unused ones. */
const nonCanonical = (last: string) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  return alphabet[alphabet.indexOf(last) | 0b1111]!
}

const sign = (c: SiteTokenClaims = claims(), key = privateKey) => signSiteToken(c, key)

describe('verifySiteToken', () => {
  it('accepts a token signed by a key of the ring, for its site, within its validity', async () => {
    const token = await sign()
    expect(token).toMatch(/^HT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/)
    expect(await verifySiteToken(token, keyring, { siteId: 'zaoyuan', now: at(60) })).toEqual({
      ok: true,
      claims: claims(),
    })
  })

  it('accepts any site when no site is expected', async () => {
    const verdict = await verifySiteToken(await sign(), keyring, { now: at(60) })
    expect(verdict.ok).toBe(true)
  })

  it('refuses a tampered payload (another site, same signature)', async () => {
    const [prefix, , signature] = (await sign()).split('.')
    const forged = `${prefix}.${textToBase64url(JSON.stringify(claims({ site: 'yangjialing' })))}.${signature}`
    expect(await verifySiteToken(forged, keyring, { now: at(60) })).toEqual({
      ok: false,
      reason: 'bad-signature',
      kid: 'site-2025',
    })
  })

  it('refuses a tampered signature', async () => {
    const token = await sign()
    const i = token.length - 40
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1)
    expect(await verifySiteToken(flipped, keyring, { now: at(60) })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    })
  })

  it('refuses a token signed by a key that is not the one its kid names', async () => {
    const verdict = await verifySiteToken(await sign(claims(), otherPrivateKey), keyring, { now: at(60) })
    expect(verdict).toMatchObject({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a token expired beyond the skew and tells when it expired', async () => {
    const verdict = await verifySiteToken(await sign(), keyring, { now: at(3600 + 121) })
    expect(verdict).toEqual({ ok: false, reason: 'expired', claims: claims() })
  })

  it('accepts a token expired within the skew (device clock a little fast)', async () => {
    const token = await sign()
    expect((await verifySiteToken(token, keyring, { now: at(3600 + 120) })).ok).toBe(true)
    expect((await verifySiteToken(token, keyring, { now: at(3600 + 30), skewS: 10 })).ok).toBe(false)
  })

  it('refuses a token before its start beyond the skew, accepts it inside the skew', async () => {
    const token = await sign()
    expect(await verifySiteToken(token, keyring, { now: at(-121) })).toMatchObject({
      ok: false,
      reason: 'not-yet-valid',
    })
    expect((await verifySiteToken(token, keyring, { now: at(-120) })).ok).toBe(true)
  })

  it('refuses a code of another site and names the site it is for', async () => {
    const verdict = await verifySiteToken(await sign(), keyring, { siteId: 'yangjialing', now: at(60) })
    expect(verdict).toEqual({ ok: false, reason: 'wrong-site', claims: claims() })
  })

  it('refuses an unknown kid without checking anything else', async () => {
    const token = await sign(claims({ kid: 'site-2030' }))
    expect(await verifySiteToken(token, keyring, { now: at(60) })).toEqual({
      ok: false,
      reason: 'unknown-key',
      kid: 'site-2030',
    })
  })

  it('refuses a key that is not an ES256 site key (algorithm and use allowlist)', async () => {
    const token = await sign()
    const [entry] = keyring as [KeyRingEntry]
    for (const bad of [
      { ...entry, use: 'trainer' },
      { ...entry, alg: 'ES384' },
      { ...entry, alg: 'none' },
      { ...entry, publicKey: { ...entry.publicKey, crv: 'P-384' } },
    ])
      expect(await verifySiteToken(token, [bad], { now: at(60) })).toMatchObject({
        reason: 'key-not-allowed',
      })
  })

  it('refuses a key ring entry whose key is not a curve point', async () => {
    const [entry] = keyring as [KeyRingEntry]
    const broken = { ...entry, publicKey: { ...entry.publicKey, x: bytesToBase64url(new Uint8Array(32)) } }
    expect(await verifySiteToken(await sign(), [broken], { now: at(60) })).toMatchObject({
      reason: 'key-not-allowed',
    })
  })

  it('calls malformed base64, JSON, claims and shapes malformed', async () => {
    const token = await sign()
    const [prefix, payload, signature] = token.split('.') as [string, string, string]
    const cases = [
      '',
      'hello',
      `HT2.${payload}.${signature}`,
      `${prefix}.${payload}`,
      `${prefix}.${payload}.${signature}.x`,
      `${prefix}.${payload}!.${signature}`,
      `${prefix}.${payload}.${signature.slice(0, -4)}`,
      `${prefix}.${textToBase64url('{"v":1,')}.${signature}`,
      `${prefix}.${textToBase64url('[1,2]')}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify({ ...claims(), role: 'admin' }))}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify(claims({ exp: t0 })))}.${signature}`,
      `${prefix}.${'A'.repeat(2000)}.${signature}`,
      // The same signature bytes spelt with non-zero unused trailing bits.
      `${prefix}.${payload}.${signature.slice(0, -1)}${nonCanonical(signature.at(-1)!)}`,
    ]
    for (const bad of cases)
      expect(await verifySiteToken(bad, keyring, { now: at(60) }), bad).toEqual({
        ok: false,
        reason: 'malformed',
      })
  })
})
