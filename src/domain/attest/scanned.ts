import { extractToken } from '../qr/scanned.ts'
import { ATTEST_TOKEN_PREFIX } from './token.ts'

/** A trainer's attestation token: `HA1.…` or a `/a/<token>` link (qr/scanned.ts). */
export function extractAttestToken(scanned: string): string | undefined {
  return extractToken(scanned, { prefix: ATTEST_TOKEN_PREFIX, linkSegment: 'a' })
}
