import { beforeAll, describe, expect, it } from 'vitest'
import { textToBase64url } from '../qr/base64url.ts'
import { generateSiteKeyPair, importSitePrivateKey } from '../qr/keys.ts'
import type { ClassPublicKey } from './keys.ts'
import { attestClaims, signAttestToken } from './sign.ts'
import type { AttestClaims } from './token.ts'
import { type AttestVerifyOptions, verifyAttestToken } from './verify.ts'
import { stepStartMs } from './window.ts'

/**
 * The member's offline check of a trainer's code, one refusal per test: tampering with any
 * character, a key of another class, a class this device has no keys for, a rotated key, and
 * the ±2-step window at its exact edges. Keys are made fresh per run.
 */

const STEP = 59_200_000
const T = stepStartMs(STEP) + 10_000
const CLASS = 'demo-yanan-class'
const KID = 'cls-demo-yanan-class-1'

let keys: ClassPublicKey[]
let otherClassKeys: ClassPublicKey[]
let privateKey: CryptoKey
let otherPrivateKey: CryptoKey

beforeAll(async () => {
  const mine = await generateSiteKeyPair()
  const other = await generateSiteKeyPair()
  const entry = (kid: string, classId: string, publicJwk: ClassPublicKey['publicJwk']) => ({
    kid,
    classId,
    publicJwk,
    createdAt: '2026-05-01T00:00:00.000Z',
    retiredAt: null,
  })
  keys = [entry(KID, CLASS, mine.publicJwk)]
  otherClassKeys = [entry('cls-yimeng-class-1', 'yimeng-class', other.publicJwk)]
  privateKey = await importSitePrivateKey(mine.privateJwk)
  otherPrivateKey = await importSitePrivateKey(other.privateJwk)
})

const claims = (over: Partial<AttestClaims> = {}): AttestClaims => ({
  ...attestClaims({
    kid: KID,
    classId: CLASS,
    at: { site: 'zaoyuan' },
    trainerId: 'demo-trainer1',
    nowMs: T,
  }),
  ...over,
})
const options = (nowMs = T): AttestVerifyOptions => ({
  classKeys: (id) => (id === CLASS ? keys : id === 'yimeng-class' ? otherClassKeys : undefined),
  nowMs,
})

describe('verifyAttestToken', () => {
  it('accepts a code of a class on this device, signed by its key, in the same step', async () => {
    const c = claims()
    const token = await signAttestToken(c, privateKey)
    expect(token).toMatch(/^HA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/)
    expect(await verifyAttestToken(token, options())).toEqual({ ok: true, claims: c })
  })

  it('refuses the code whatever single character is changed, never reporting its claims', async () => {
    const token = await signAttestToken(claims(), privateKey)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
    const reasons = new Set<string>()
    for (let i = 0; i < token.length; i++) {
      const c = token[i] as string
      const replacement = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length] as string
      const tampered = token.slice(0, i) + replacement + token.slice(i + 1)
      const verdict = await verifyAttestToken(tampered, options())
      expect(verdict.ok, `position ${i}`).toBe(false)
      if (!verdict.ok) reasons.add(verdict.reason)
    }
    // Claims are only reported after a good signature, so no tampered code is ever "expired";
    // a changed class id finds no keys on this device, a changed kid no key of the class.
    for (const r of reasons) expect(['malformed', 'bad-signature', 'other-class', 'unknown-key']).toContain(r)
    expect(reasons.has('bad-signature')).toBe(true)
    expect(reasons.has('malformed')).toBe(true)
  })

  it('refuses claims re-signed as another stop with the original signature', async () => {
    const [prefix, , signature] = (await signAttestToken(claims(), privateKey)).split('.')
    const forged = `${prefix}.${textToBase64url(JSON.stringify(claims({ at: { site: 'yangjialing' } })))}.${signature}`
    expect(await verifyAttestToken(forged, options())).toEqual({
      ok: false,
      reason: 'bad-signature',
      kid: KID,
    })
  })

  it("refuses a code of another class's trainer when this device has no keys for that class", async () => {
    const token = await signAttestToken(
      claims({ cls: 'huining-class', kid: 'cls-huining-class-1' }),
      otherPrivateKey,
    )
    expect(await verifyAttestToken(token, options())).toEqual({
      ok: false,
      reason: 'other-class',
      classId: 'huining-class',
    })
  })

  it("refuses a code claiming this class but signed with another class's key (its kid)", async () => {
    const token = await signAttestToken(claims({ kid: 'cls-yimeng-class-1' }), otherPrivateKey)
    expect(await verifyAttestToken(token, options())).toMatchObject({ ok: false, reason: 'unknown-key' })
  })

  it("refuses a code of this class's kid signed with another key", async () => {
    const token = await signAttestToken(claims(), otherPrivateKey)
    expect(await verifyAttestToken(token, options())).toMatchObject({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a kid the class has no key for on this device (rotated since the download)', async () => {
    const token = await signAttestToken(claims({ kid: 'cls-demo-yanan-class-2' }), privateKey)
    expect(await verifyAttestToken(token, options())).toEqual({
      ok: false,
      reason: 'unknown-key',
      kid: 'cls-demo-yanan-class-2',
    })
  })

  it('refuses a code signed after its key was retired, and keeps one signed before', async () => {
    const token = await signAttestToken(claims(), privateKey)
    const retiredAt = (ms: number) => ({
      ...options(),
      classKeys: (id: string) =>
        id === CLASS ? keys.map((k) => ({ ...k, retiredAt: new Date(ms).toISOString() })) : undefined,
    })
    // Retired during the code's step or before it: the step began after the key was given up.
    expect(await verifyAttestToken(token, retiredAt(stepStartMs(STEP)))).toEqual({
      ok: false,
      reason: 'retired-key',
      kid: KID,
    })
    expect((await verifyAttestToken(token, retiredAt(stepStartMs(STEP) - 86_400_000))).ok).toBe(false)
    // Retired a millisecond into the step: the code was on the trainer's screen before that.
    expect((await verifyAttestToken(token, retiredAt(stepStartMs(STEP) + 1))).ok).toBe(true)
  })

  it('accepts a code exactly 2 steps old or 2 steps ahead of this clock', async () => {
    const token = await signAttestToken(claims(), privateKey)
    expect((await verifyAttestToken(token, options(stepStartMs(STEP + 3) - 1))).ok).toBe(true)
    expect((await verifyAttestToken(token, options(stepStartMs(STEP - 2)))).ok).toBe(true)
  })

  it('refuses a code 3 steps old as expired, naming both steps', async () => {
    const c = claims()
    const token = await signAttestToken(c, privateKey)
    expect(await verifyAttestToken(token, options(stepStartMs(STEP + 3)))).toEqual({
      ok: false,
      reason: 'expired',
      claims: c,
      nowStep: STEP + 3,
    })
  })

  it('refuses a code 3 steps ahead (this phone clock behind) as expired', async () => {
    const token = await signAttestToken(claims(), privateKey)
    expect(await verifyAttestToken(token, options(stepStartMs(STEP - 2) - 1))).toMatchObject({
      ok: false,
      reason: 'expired',
      nowStep: STEP - 3,
    })
  })

  it('calls site tokens, other prefixes, extra claims and bad shapes malformed', async () => {
    const token = await signAttestToken(claims(), privateKey)
    const [prefix, payload, signature] = token.split('.') as [string, string, string]
    const cases = [
      '',
      `HT1.${payload}.${signature}`,
      `HA2.${payload}.${signature}`,
      `${prefix}.${payload}`,
      `${prefix}.${payload}.${signature}.x`,
      `${prefix}.${textToBase64url(JSON.stringify({ ...claims(), role: 'trainer' }))}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify(claims({ at: { site: 'zaoyuan', lesson: 'x' } as never })))}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify(claims({ step: -1 })))}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify(claims({ step: 1.5 })))}.${signature}`,
      `${prefix}.${textToBase64url(JSON.stringify(claims({ n: 'short' })))}.${signature}`,
      `${prefix}.${'A'.repeat(2000)}.${signature}`,
    ]
    for (const bad of cases)
      expect(await verifyAttestToken(bad, options()), bad.slice(0, 40)).toEqual({
        ok: false,
        reason: 'malformed',
      })
  })
})
