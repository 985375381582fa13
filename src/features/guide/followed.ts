import { hasFollowed } from '../../domain/guide/presence.ts'
import type { ClassGuideState } from './guide-controller.ts'
import type { LeadClass } from './lead-class.ts'

/**
 * How many of the class's members have followed its current command, of how many, and that
 * command's number (0 before the first): said at the top of the lead screen and at its foot.
 */
export function followedOf(
  cls: LeadClass,
  state: ClassGuideState | undefined,
): { readonly seq: number; readonly followed: number; readonly total: number } {
  const seq = state?.active.seq ?? 0
  const memberIds = new Set(cls.members.map((m) => m.id))
  const followed = (state?.presence ?? []).filter(
    (p) => memberIds.has(p.userId) && hasFollowed(p, seq),
  ).length
  return { seq, followed, total: cls.members.length }
}
