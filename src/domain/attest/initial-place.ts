/**
 * Which stop or lesson the trainer's presence code starts on when its screen opens. It started
 * on the route's first stop every time: a trainer who looked at the dashboard and came back, on
 * day 2 or hours after the class left stop 1, showed a code signed for stop 1 unless they
 * noticed the small caption, and members scanning it were recorded there. In order:
 *
 * 1. what the trainer chose on this device for this class today (they flip between screens);
 * 2. the stop the class was last gathered at (the lead screen's command), when known;
 * 3. the first stop of today's day of the route (day 2 of a two-day trip opens on day 2);
 * 4. the first place.
 *
 * Days are calendar days in China Standard Time, as class dates are (guide/current.ts).
 */
export interface InitialPlaceInput {
  /** Every place the screen offers, as select values (`site:<id>`, `lesson:<id>`), in order. */
  readonly values: readonly string[]
  /** The trainer's last choice for this class on this device, with the day it was made. */
  readonly remembered?: { readonly value: string; readonly day: string } | null
  readonly today: string
  /** The site the class was last gathered at, if this device knows. */
  readonly gatheredSiteId?: string | null
  /** The class's first day, and the route's stops with their day numbers. */
  readonly startsOn?: string | null
  readonly stops?: readonly { readonly site: string; readonly day: number }[]
}

export const siteValue = (siteId: string) => `site:${siteId}`

export function initialAttestPlace(input: InitialPlaceInput): string | null {
  const offered = new Set(input.values)
  const candidates = [
    input.remembered?.day === input.today ? input.remembered.value : null,
    input.gatheredSiteId ? siteValue(input.gatheredSiteId) : null,
    firstStopOfToday(input),
  ]
  for (const c of candidates) if (c && offered.has(c)) return c
  return input.values[0] ?? null
}

function firstStopOfToday(input: InitialPlaceInput): string | null {
  if (!input.startsOn || !input.stops?.length) return null
  const day = daysBetween(input.startsOn, input.today) + 1
  if (day < 1) return null
  const lastDay = Math.max(...input.stops.map((s) => s.day))
  const stop = input.stops.find((s) => s.day === Math.min(day, lastDay))
  return stop ? siteValue(stop.site) : null
}

/** Whole days from one YYYY-MM-DD to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
