/**
 * What a class sees of a member's records that name no class (made on a device that did not
 * know the class yet: offline since they were added, or before). A class sees them within its
 * dates, and only from a little before the member was added to it: a trainer may add any
 * member, and the class's dates are theirs to change, so without this bound a trainer could
 * read any member's history by adding them to a class dated back over it.
 *
 * The bound covers a field trip's usual case, trainees added on its first days after they had
 * already checked in. An admin sees every record anyway, so a member an admin adds (the admin
 * API, the roster command, the demo seed) brings all of their untagged records within the dates.
 */
export const UNTAGGED_LOOKBACK_MS = 2 * 86_400_000

/** Sorts before every ISO time: no bound. */
const NO_BOUND = ''

/** The class_members.untagged_from of an enrolment made at `addedAt` by someone in `role`. */
export function untaggedFrom(addedAt: Date, role: string): string {
  if (role === 'admin') return NO_BOUND
  return new Date(addedAt.getTime() - UNTAGGED_LOOKBACK_MS).toISOString()
}

/**
 * Whether an enrolment was made by an admin (or before enrolments were bounded), from its
 * class_members.untagged_from: only such members' passwords may their trainer reset
 * (member-password-route.ts).
 */
export function enrolledByAdmin(untaggedFromValue: string): boolean {
  return untaggedFromValue === NO_BOUND
}
