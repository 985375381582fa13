import { readFileSync } from 'node:fs'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import { geoDistanceMeters } from '../../src/domain/geo/distance.ts'
import type { LngLat } from '../../src/domain/geo/types.ts'
import { choiceLetter, shownChoices } from '../../src/domain/lesson/choice-order.ts'

/** The content pack of the build under test, so tests use each site's real position and radius. */
export const pack = JSON.parse(readFileSync('dist/content/pack.json', 'utf8')) as ContentPack

export function site(id: string) {
  const s = pack.sites.find((x) => x.id === id)
  if (!s) throw new Error(`no site ${id} in the build`)
  return s
}

/** The point `metres` due north of `p`, found by bisection on the real geodesic distance. */
export function northOf(p: LngLat, metres: number): { latitude: number; longitude: number } {
  let lo = p.lat
  let hi = p.lat + metres / 100_000 + 0.01
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (geoDistanceMeters(p, { lng: p.lng, lat: mid }) < metres) lo = mid
    else hi = mid
  }
  return { latitude: (lo + hi) / 2, longitude: p.lng }
}

/**
 * A quiz choice as the member sees it, e.g. "C. 王家坪": its letter comes from the order the
 * app shows the choices in (src/domain/lesson/choice-order.ts), not from the file's order, and
 * that order is new on every attempt. Found by its Chinese text, which must name one choice of
 * the lesson's quiz.
 */
export function shownChoice(lessonId: string, zh: string, attempt = 1): string {
  const quiz = pack.lessons.find((l) => l.id === lessonId)?.quiz
  if (!quiz) throw new Error(`no lesson ${lessonId} in the build`)
  const found = quiz.questions.flatMap((q) =>
    q.kind === 'truefalse'
      ? []
      : shownChoices(quiz, q, attempt).flatMap((c, i) =>
          c.text.zh === zh ? [`${choiceLetter(i)}. ${zh}`] : [],
        ),
  )
  if (found.length !== 1) throw new Error(`${found.length} choices of ${lessonId} read "${zh}"`)
  return found[0] as string
}
