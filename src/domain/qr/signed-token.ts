import { base64urlToBytes, base64urlToText, bytesToBase64url } from './base64url.ts'

/** r‖s of P-256, bytes. */
export const ES256_SIGNATURE_BYTES = 64

export interface SplitToken {
  /** The decoded claims JSON, not yet checked against the format's rules. */
  readonly claims: unknown
  /** What the signature covers: the token up to its second dot, as in JWS. */
  readonly signingInput: string
  readonly signature: Uint8Array
}

/**
 * Splits and decodes `<prefix>.<base64url(JSON claims)>.<base64url(signature)>`, the shape of
 * both signed codes (site plaques: qr/token.ts; trainer attestations: attest/token.ts), without
 * checking the signature: undefined for a token too long, of another prefix, with bad base64url
 * or JSON, or a signature of the wrong length. One spelling per signature: unused trailing bits
 * must be zero, so a token cannot be re-spelt into a different string that still verifies.
 */
export function splitSignedToken(token: string, prefix: string, maxLength: number): SplitToken | undefined {
  if (token.length > maxLength) return undefined
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [head, claimsPart, signaturePart] = parts as [string, string, string]
  if (head !== prefix || claimsPart === '' || signaturePart === '') return undefined
  const json = base64urlToText(claimsPart)
  const signature = base64urlToBytes(signaturePart)
  if (json === undefined || !signature || signature.length !== ES256_SIGNATURE_BYTES) return undefined
  if (bytesToBase64url(signature) !== signaturePart) return undefined
  try {
    return { claims: JSON.parse(json), signingInput: `${head}.${claimsPart}`, signature }
  } catch {
    return undefined
  }
}
