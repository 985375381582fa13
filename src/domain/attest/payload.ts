import type { PayloadOf } from '../records/kinds.ts'
import { type AttestClaims, placeIds } from './token.ts'

/** The `attestation` record payload (records/kinds.ts) for an accepted code. */
export function attestationPayload(
  token: string,
  claims: AttestClaims,
  method: 'scan' | 'link',
): PayloadOf<'attestation'> {
  return { classId: claims.cls, token, kid: claims.kid, step: claims.step, ...placeIds(claims.at), method }
}

/**
 * The first payload field that disagrees with the signed claims of its own token, or undefined.
 * The copies are for readers; only the token is signed, so a disagreement means an edited record.
 */
export function payloadMismatch(payload: PayloadOf<'attestation'>, claims: AttestClaims): string | undefined {
  if (payload.classId !== claims.cls) return 'classId'
  if (payload.kid !== claims.kid) return 'kid'
  if (payload.step !== claims.step) return 'step'
  const place = placeIds(claims.at)
  if (payload.siteId !== place.siteId) return 'siteId'
  if (payload.lessonId !== place.lessonId) return 'lessonId'
  return undefined
}
