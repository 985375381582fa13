/**
 * Verification flags, stored beside a record (never a reason to reject offline work; see
 * DESIGN.md "Records"). They are stable strings: reports and clients switch on them.
 */
export const FLAG = {
  /** Check-in: the recomputed distance exceeds the site's radius plus the rounding allowance. */
  geofenceOutside: 'geofence-outside',
  /** Check-in: the fix's accuracy is worse than min(radius, max accuracy) of the site. */
  geofenceAccuracy: 'geofence-accuracy',
  /** A GPS check-in without its fix. */
  gpsMissing: 'gps-missing',
  /** A QR check-in without its token. */
  qrMissing: 'qr-missing',
  /** The site or lesson is not in the server's content pack. */
  unknownSite: 'unknown-site',
  unknownLesson: 'unknown-lesson',
  /** The quiz answers, re-scored against the content, do not give the submitted result. */
  quizScoreMismatch: 'quiz-score-mismatch',
  /** Faster than 300 km/h from the member's previous or to their next check-in. */
  impossibleTravel: 'impossible-travel',
  /** The device clock was known to be more than 24 h off (clockOffsetMs); the corrected time is used. */
  clockSkew: 'clock-skew',
  /** The corrected time is more than 24 h after the server received it, or more than 90 days before. */
  clockSuspect: 'clock-suspect',
  /** Made with another content version than the server's. */
  contentOutdated: 'content-outdated',
  /** Tagged with a class, but it happened outside the class's dates. */
  outsideClassWindow: 'outside-class-window',
  /** Was held for a parent record that did not arrive within 5 days; released without it. */
  parentMissing: 'parent-missing',
  /**
   * Attestations (the trainer's rotating code, src/domain/attest/replay.ts): the token is not an
   * HA1 token; its kid is not a key of its class; its signature does not verify (tampered or
   * forged); its class is not one the member attends; the payload's copies (class, kid, step,
   * place) disagree with the signed token; the record was made more than 2 steps from the code's
   * step (a forwarded screenshot used later); another member already used it from this device;
   * it was signed after its class retired the key (a lost trainer phone's key, rotated).
   */
  attestationMalformed: 'attestation-malformed',
  attestationUnknownKey: 'attestation-unknown-key',
  attestationBadSignature: 'attestation-bad-signature',
  attestationOtherClass: 'attestation-other-class',
  attestationMismatch: 'attestation-mismatch',
  attestationOutsideWindow: 'attestation-outside-window',
  attestationReplayed: 'attestation-replayed',
  attestationRetiredKey: 'attestation-retired-key',
} as const

/** QR verdicts from src/domain/qr/verify.ts become `qr-<reason>`: qr-bad-signature, qr-expired, … */
export const qrFlag = (reason: string) => `qr-${reason}`
