/**
 * Which classes the app connects to guided mode for: those running today. Class dates are
 * calendar days in China Standard Time (UTC+8, no daylight saving), inclusive at both ends.
 */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

export function isClassCurrent(
  cls: { readonly startsOn: string; readonly endsOn: string },
  now: Date,
): boolean {
  const today = chinaDate(now)
  return cls.startsOn <= today && today <= cls.endsOn
}
