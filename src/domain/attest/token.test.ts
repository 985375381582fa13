import { describe, expect, it } from 'vitest'
import { base64urlToBytes, bytesToBase64url } from '../qr/base64url.ts'
import { generateSiteKeyPair, importSitePrivateKey } from '../qr/keys.ts'
import type { ClassPublicKey } from './keys.ts'
import { attestClaims, signAttestToken } from './sign.ts'
import { attestClaimsProblem, attestTokenId, parseAttestToken, placeIds } from './token.ts'
import { verifyAttestToken } from './verify.ts'

/** The order of the P-256 group (FIPS 186-4, D.1.2.3). */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n

const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex')}`)
const toBytes32 = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'))

describe('attestation token format', () => {
  it('names exactly one place, and only kebab-case content ids', () => {
    const c = attestClaims({
      kid: 'cls-c1-1',
      classId: 'c1',
      at: { site: 'zaoyuan' },
      trainerId: 't1',
      nowMs: 0,
    })
    expect(attestClaimsProblem(c)).toBeUndefined()
    expect(attestClaimsProblem({ ...c, at: {} })).toMatch(/exactly one/)
    expect(attestClaimsProblem({ ...c, at: { site: 'a', lesson: 'b' } })).toMatch(/exactly one/)
    expect(attestClaimsProblem({ ...c, at: { room: 'a' } })).toMatch(/exactly one/)
    expect(attestClaimsProblem({ ...c, at: { lesson: 'Zao_Yuan' } })).toMatch(/at.lesson/)
    expect(placeIds({ site: 'zaoyuan' })).toEqual({ siteId: 'zaoyuan' })
    expect(placeIds({ lesson: 'zaoyuan-lesson' })).toEqual({ lessonId: 'zaoyuan-lesson' })
  })

  it('identifies a code by its signed claims, so a re-spelt signature is the same code', async () => {
    // ECDSA signatures are malleable: (r, n − s) verifies whenever (r, s) does. A replay check
    // keyed on the token text would see two codes; keyed on the claims, one.
    const { publicJwk, privateJwk } = await generateSiteKeyPair()
    const keys: ClassPublicKey[] = [
      { kid: 'cls-c1-1', classId: 'c1', publicJwk, createdAt: 'x', retiredAt: null },
    ]
    const claims = attestClaims({
      kid: 'cls-c1-1',
      classId: 'c1',
      at: { site: 'zaoyuan' },
      trainerId: 't1',
      nowMs: 1e12,
    })
    const token = await signAttestToken(claims, await importSitePrivateKey(privateJwk))
    const [prefix, payload, sig] = token.split('.') as [string, string, string]
    const bytes = base64urlToBytes(sig) as Uint8Array
    const flipped = new Uint8Array(64)
    flipped.set(bytes.slice(0, 32))
    flipped.set(toBytes32(P256_N - toBig(bytes.slice(32))), 32)
    const respelt = `${prefix}.${payload}.${bytesToBase64url(flipped)}`
    expect(respelt).not.toBe(token)
    const verdict = await verifyAttestToken(respelt, { classKeys: () => keys, nowMs: 1e12 })
    expect(verdict.ok).toBe(true)
    const a = parseAttestToken(token)?.claims
    const b = parseAttestToken(respelt)?.claims
    expect(a && b && attestTokenId(a) === attestTokenId(b)).toBe(true)
  })
})
