import type { Attended, Progress, Stamp } from './progress.ts'

/**
 * Whether a member counts as having been at a site, and on what proof (DESIGN.md: the trainer's
 * presence code is the fallback of last resort when GPS and the plaque both fail):
 * - checked-in: the member's own GPS or QR check-in;
 * - confirmed: no check-in, but the trainer confirmed the member's presence there (an attestation
 *   naming the site);
 * - absent: neither.
 *
 * Either proof counts as being at the site, so a lesson there is taken on site. A check-in wins
 * when there are both: screens that speak of check-ins show the member's own, and progress keeps
 * the two apart (see `Progress.attended`). An attestation naming a lesson, not a site, is not
 * presence at a site here: it never reaches `attended`.
 */
export type Presence =
  | { readonly kind: 'checked-in'; readonly stamp: Stamp }
  | { readonly kind: 'confirmed'; readonly attended: Attended }
  | { readonly kind: 'absent' }

export function presenceAt(progress: Pick<Progress, 'stamps' | 'attended'>, siteId: string): Presence {
  const stamp = progress.stamps.get(siteId)
  if (stamp) return { kind: 'checked-in', stamp }
  const attended = progress.attended.get(siteId)
  if (attended) return { kind: 'confirmed', attended }
  return { kind: 'absent' }
}

/** Checked in or confirmed by the trainer: a lesson at the site counts as taken on site. */
export const presentAt = (progress: Pick<Progress, 'stamps' | 'attended'>, siteId: string): boolean =>
  presenceAt(progress, siteId).kind !== 'absent'
