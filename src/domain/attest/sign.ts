import { bytesToBase64url, textToBase64url } from '../qr/base64url.ts'
import { ES256_SIGN } from '../qr/keys.ts'
import { ATTEST_TOKEN_PREFIX, type AttestClaims, type AttestPlace, attestClaimsProblem } from './token.ts'
import { attestStep } from './window.ts'

/** Claims of the code a trainer's device shows at `nowMs` (ms since the epoch), with a fresh 16-byte nonce. */
export function attestClaims(options: {
  kid: string
  classId: string
  at: AttestPlace
  trainerId: string
  nowMs: number
}): AttestClaims {
  return {
    v: 1,
    kid: options.kid,
    cls: options.classId,
    step: attestStep(options.nowMs),
    at: options.at,
    by: options.trainerId,
    n: bytesToBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16))),
  }
}

/** Signs claims with a class's private key into an `HA1.…` token (format: token.ts). Throws on invalid claims. */
export async function signAttestToken(claims: AttestClaims, privateKey: CryptoKey): Promise<string> {
  const problem = attestClaimsProblem(claims)
  if (problem) throw new Error(`cannot sign these claims: ${problem}`)
  const signingInput = `${ATTEST_TOKEN_PREFIX}.${textToBase64url(JSON.stringify(claims))}`
  const signature = await globalThis.crypto.subtle.sign(
    ES256_SIGN,
    privateKey,
    new TextEncoder().encode(signingInput),
  )
  return `${signingInput}.${bytesToBase64url(new Uint8Array(signature))}`
}
