/**
 * Time steps of the trainer's rotating attestation code (notes/reliability.md P22, ASVS 5.0
 * 6.5.5: a rotating code changes at most every 30 s). A step is a whole number: the Unix time in
 * seconds divided by 30, rounded down, exactly as TOTP counts (RFC 6238 §4, T0 = 0, X = 30).
 *
 * A code of step s is accepted while the verifier's own step is within s − 2 … s + 2: it stays
 * good for 60–90 s after it first appeared (a member fumbling with the camera) and tolerates a
 * member's phone clock a minute off either way. Anything further is refused as expired.
 */

/** Seconds per step. */
export const ATTEST_STEP_S = 30
/** How many steps either side of the verifier's step are still accepted. */
export const ATTEST_WINDOW_STEPS = 2

const STEP_MS = ATTEST_STEP_S * 1000

/** The step a moment falls in; `ms` is milliseconds since the Unix epoch (UTC). */
export function attestStep(ms: number): number {
  return Math.floor(ms / STEP_MS)
}

/** The first millisecond of a step (Unix epoch, UTC). */
export function stepStartMs(step: number): number {
  return step * STEP_MS
}

/** Milliseconds from `ms` until the next step begins: 1 … 30,000. Drives the trainer's countdown. */
export function msUntilNextStep(ms: number): number {
  return stepStartMs(attestStep(ms) + 1) - ms
}

/** Whole seconds left in the step, as the countdown shows them: 30 at the first instant, 1 in the last second. */
export function secondsLeftInStep(ms: number): number {
  return Math.ceil(msUntilNextStep(ms) / 1000)
}

/** True when a code of `tokenStep` is acceptable at `ms`: |tokenStep − step(ms)| ≤ ATTEST_WINDOW_STEPS. */
export function withinAttestWindow(tokenStep: number, ms: number): boolean {
  return Math.abs(tokenStep - attestStep(ms)) <= ATTEST_WINDOW_STEPS
}
