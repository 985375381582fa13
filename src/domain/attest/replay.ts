/**
 * Replay of a trainer's code by someone the trainer did not see.
 *
 * The whole class scans the same code within the same 30 seconds, so a code cannot be
 * one-time: many members using one code is the normal case. What must not happen is a code
 * vouching for someone who was not there. Three rules make that hard, each where it can be
 * decided:
 *
 * 1. Bound to the member. The attestation record carries the member from the session (the
 *    server takes it from the login, never from the body) and the device id. A code proves
 *    nothing by itself; a record says "this member, on this device, held this code".
 *
 * 2. One phone, one person (device and server). A present member could scan the code, then let
 *    an absent friend log in on the same phone and scan it again. The device keeps a ledger of
 *    the codes it accepted and for whom (judgeReuse): the same code for another member on this
 *    device is refused; for the same member it is already recorded, and nothing new is saved.
 *    The server applies the same rule to what arrives (replayedOnDevice) and flags
 *    `attestation-replayed`, because the device ledger can be wiped or bypassed. The first
 *    member to have used the code keeps a clean record: they were there.
 *
 * 3. Only while it is on the trainer's screen (device and server). A screenshot forwarded to
 *    an absent member is useless after ±2 steps (window.ts) on an honest phone; a phone whose
 *    clock was turned back accepts it, but the server compares the code's step with the
 *    record's corrected time (device time plus the offset measured at the last sync) and flags
 *    `attestation-outside-window`.
 *
 * What this cannot stop: a live accomplice forwarding the code within a minute to a phone
 * elsewhere. Device ids are chosen by the device, so a determined forger can also fake one.
 * Like a GPS check-in, an attestation is evidence, and flags go beside the record for the
 * trainer to judge rather than silently rejecting offline work (DESIGN.md "Records").
 */

import { withinAttestWindow } from './window.ts'

/** One accepted code in a device's ledger. */
export interface AttestUse {
  /** attestTokenId of the code (token.ts). */
  readonly tokenId: string
  readonly memberId: string
  /** The attestation record that was saved for it. */
  readonly recordId: string
  /** ISO time on the device. */
  readonly usedAt: string
}

export type ReuseVerdict =
  /** Never used on this device: save it. */
  | { readonly kind: 'new' }
  /** This member already has it: nothing to save again. */
  | { readonly kind: 'again'; readonly use: AttestUse }
  /** Another member used it on this device: refuse. */
  | { readonly kind: 'other-member'; readonly use: AttestUse }

/** Rule 2 on the device: what to do with code `tokenId` scanned by `memberId`, given the ledger's entries for it. */
export function judgeReuse(uses: readonly AttestUse[], tokenId: string, memberId: string): ReuseVerdict {
  const same = uses.filter((u) => u.tokenId === tokenId)
  const other = same.find((u) => u.memberId !== memberId)
  if (other) return { kind: 'other-member', use: other }
  const mine = same.find((u) => u.memberId === memberId)
  return mine ? { kind: 'again', use: mine } : { kind: 'new' }
}

/** An attestation as the server stores it, reduced to what rule 2 compares. */
export interface AttestationSeen {
  readonly memberId: string
  readonly deviceId: string
  readonly tokenId: string
}

/** Rule 2 on the server: `current` used a code that another member already used from the same device. */
export function replayedOnDevice(current: AttestationSeen, earlier: Iterable<AttestationSeen>): boolean {
  for (const e of earlier)
    if (e.tokenId === current.tokenId && e.deviceId === current.deviceId && e.memberId !== current.memberId)
      return true
  return false
}

/** Rule 3 on the server: the record's corrected time (ms since the epoch) is more than 2 steps from the code's step. */
export function outsideWindow(tokenStep: number, correctedMs: number): boolean {
  return !withinAttestWindow(tokenStep, correctedMs)
}
