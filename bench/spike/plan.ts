import type { ContentPack, Lesson, Site } from '../../src/domain/content/pack.ts'
import type { Question, Quiz } from '../../src/domain/content/schema.ts'
import { geoDistanceMeters } from '../../src/domain/geo/distance.ts'
import { judgeFix } from '../../src/domain/geo/geofence.ts'
import { type Answer, scoreQuiz } from '../../src/domain/lesson/quiz-scoring.ts'
import { type AnyRecord, coarse, coarseDistanceM, parseRecord } from '../../src/domain/records/record.ts'
import { uuidv7 } from '../../src/domain/records/uuidv7.ts'
import { mulberry32 } from '../../src/domain/seeded-random.ts'

/**
 * The theme day (主题党日) every simulated member lives, as a pure function of (seed, member
 * index), so the load generator (a worker thread) and the verifier (the main thread) derive the
 * same records without passing 300,000 of them between threads.
 *
 * The day: each branch (党支部) gathers at one site of one of the real routes, at its own hour
 * between 08:00 and 10:00 China time; a member checks in by GPS within 20 minutes of the
 * gathering, takes the site's lesson (its stated duration), submits its quiz (first attempt, passing)
 * and completes the lesson. The phone pushes the check-in when it is made, and the quiz with
 * the completion at the end of the lesson: two small pushes, like the device outbox.
 * The day is yesterday in China, so no record is from the future and none is old enough to be
 * flagged (server/sync/verify.ts).
 */

export interface DayOptions {
  readonly seed: number
  /** 00:00 of the theme day, China Standard Time, in ms since the epoch. */
  readonly dayStartMs: number
  readonly branches: number
  /** 1: everything in one push at the end of the lesson; 2: check-in first, the rest later. */
  readonly pushesPerMember: 1 | 2
}

export interface Push {
  /** When the phone pushes, in simulated day time (ms since the epoch). */
  readonly atMs: number
  readonly records: readonly AnyRecord[]
}

export interface MemberDay {
  readonly siteId: string
  readonly lessonId: string
  readonly pushes: readonly Push[]
  /** Every record of the day, in creation order. */
  readonly records: readonly AnyRecord[]
}

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** Metres per degree of latitude (and of longitude at the equator), WGS84 mean. */
const METRES_PER_DEGREE = 111_320

/** mulberry32, a tiny seeded PRNG (the same as the chaos test's). */
export const prng = mulberry32

/** Independent streams per (seed, member, purpose), so times can be drawn without the records. */
const stream = (seed: number, index: number, purpose: number) =>
  prng(Math.imul(seed ^ 0x9e3779b9, 31) ^ Math.imul(index + 1, 0x85ebca6b) ^ Math.imul(purpose, 0xc2b2ae35))

/** 00:00 China Standard Time (UTC+8) of the day before `now`. */
export function yesterdayInChinaMs(now: Date): number {
  const chinaMidnight =
    Math.floor((now.getTime() + 8 * HOUR_MS) / (24 * HOUR_MS)) * 24 * HOUR_MS - 8 * HOUR_MS
  return chinaMidnight - 24 * HOUR_MS
}

export const branchOf = (index: number, branches: number) => index % branches

/** The branch's theme-day site: branches are spread over the routes, then over each route's stops. */
export function siteOfBranch(
  pack: ContentPack,
  branch: number,
): { site: Site; routeId: string; lesson: Lesson } {
  const route = pack.routes[branch % pack.routes.length]
  if (!route) throw new Error('the content has no routes')
  const stop = route.stops[Math.floor(branch / pack.routes.length) % route.stops.length]
  const site = pack.sites.find((s) => s.id === stop?.site)
  const lesson = pack.lessons.find((l) => l.site === stop?.site)
  if (!site || !lesson) throw new Error(`route ${route.id}: stop ${stop?.site} has no site or no lesson`)
  return { site, routeId: route.id, lesson }
}

/**
 * When the member checks in and when they finish the lesson (ms since the epoch): the lesson
 * takes its stated duration plus up to 20 minutes for the quiz and the walk between exhibits.
 */
export function dayTimes(
  pack: ContentPack,
  options: DayOptions,
  index: number,
): { checkinMs: number; doneMs: number } {
  const branch = branchOf(index, options.branches)
  const gathering = stream(options.seed, branch, 1)() * 2 * HOUR_MS + 8 * HOUR_MS
  const r = stream(options.seed, index, 2)
  const checkinMs = options.dayStartMs + gathering + Math.floor(r() * 20 * MINUTE_MS)
  const { lesson } = siteOfBranch(pack, branch)
  const doneMs = checkinMs + Math.floor((lesson.durationMin + r() * 20) * MINUTE_MS)
  return { checkinMs, doneMs }
}

/** The push times of a member's day, without building its records (for the schedule). */
export function pushTimes(pack: ContentPack, options: DayOptions, index: number): number[] {
  const { checkinMs, doneMs } = dayTimes(pack, options, index)
  return options.pushesPerMember === 2 ? [checkinMs, doneMs] : [doneMs]
}

/** A GPS fix inside the site's fence as a phone reports it, with coordinates rounded to 3 decimals. */
function fixAt(site: Site, random: () => number) {
  const fence = {
    center: site.location,
    radiusM: site.checkin.radiusM,
    maxAccuracyM: site.checkin.maxAccuracyM,
  }
  const accuracyM = 5 + Math.floor(random() * 36)
  for (;;) {
    // Uniform over a disc of 60% of the radius around the centre.
    const d = site.checkin.radiusM * 0.6 * Math.sqrt(random())
    const bearing = random() * 2 * Math.PI
    const lat = site.location.lat + (d * Math.cos(bearing)) / METRES_PER_DEGREE
    const lng =
      site.location.lng +
      (d * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((site.location.lat * Math.PI) / 180))
    const raw = { lng, lat }
    // The device judges the raw fix; it stores only the rounded coordinates and distance.
    if (judgeFix(fence, { position: raw, accuracyM }).kind !== 'inside') continue
    return {
      lat: coarse(lat),
      lng: coarse(lng),
      accuracyM,
      distanceM: coarseDistanceM(geoDistanceMeters(site.location, raw)),
    }
  }
}

function rightAnswer(q: Question): Answer {
  if (q.kind === 'truefalse') return q.answer
  return q.kind === 'single' ? [q.answer] : [...q.answer]
}

function wrongAnswer(q: Question): Answer {
  if (q.kind === 'truefalse') return !q.answer
  const right = new Set(q.kind === 'single' ? [q.answer] : q.answer)
  const wrong = q.choices.find((c) => !right.has(c.id))
  return [wrong?.id ?? q.choices[0]?.id ?? 'a']
}

/** A first attempt that passes: a few questions wrong, no more than the pass mark allows. */
function passingAnswers(quiz: Quiz, random: () => number): Record<string, Answer> {
  const mayMiss = Math.floor(quiz.questions.length * (1 - quiz.passMark) + 1e-9)
  const missed = Math.floor(random() * (mayMiss + 1))
  const wrongIds = new Set(
    [...quiz.questions]
      .map((q) => ({ q, k: random() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, missed)
      .map(({ q }) => q.id),
  )
  return Object.fromEntries(
    quiz.questions.map((q) => [q.id, wrongIds.has(q.id) ? wrongAnswer(q) : rightAnswer(q)]),
  )
}

/** Validates a record exactly as the server will; a generator bug must not look like a server error. */
function valid(input: unknown): AnyRecord {
  const parsed = parseRecord(input)
  if (!parsed.ok) throw new Error(`the spike made an invalid record: ${JSON.stringify(parsed.problems)}`)
  return parsed.record
}

export function memberDay(
  pack: ContentPack,
  options: DayOptions,
  index: number,
  memberId: string,
): MemberDay {
  const { site, routeId, lesson } = siteOfBranch(pack, branchOf(index, options.branches))
  const { checkinMs, doneMs } = dayTimes(pack, options, index)
  const random = stream(options.seed, index, 3)
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))
  // A phone that synced recently knows its offset from the server clock to within a second.
  const clockOffsetMs = Math.round((random() - 0.5) * 1600)
  let seq = 0
  const envelope = (atMs: number) => ({
    id: uuidv7(atMs, bytes),
    v: 1,
    memberId,
    deviceId: `phone-${index}`,
    seq: ++seq,
    occurredAt: new Date(atMs).toISOString(),
    clockOffsetMs,
    classId: null,
    contentVersion: pack.version,
  })

  const checkin = valid({
    ...envelope(checkinMs),
    kind: 'checkin',
    payload: { siteId: site.id, routeId, method: 'gps', verdict: 'inside', gps: fixAt(site, random) },
  })
  const answers = passingAnswers(lesson.quiz, random)
  const score = scoreQuiz(lesson.quiz, answers)
  if (!score.passed) throw new Error(`lesson ${lesson.id}: the spike's answers do not pass`)
  const quiz = valid({
    ...envelope(doneMs - 30_000),
    kind: 'quiz.submitted',
    payload: {
      lessonId: lesson.id,
      attempt: 1,
      mode: 'onsite',
      answers,
      correct: score.correct,
      total: score.total,
      passed: true,
    },
  })
  const completed = valid({
    ...envelope(doneMs),
    kind: 'lesson.completed',
    payload: {
      lessonId: lesson.id,
      siteId: site.id,
      mode: 'onsite',
      score: score.share,
      quizRecordId: quiz.id,
    },
  })
  const pushes =
    options.pushesPerMember === 2
      ? [
          { atMs: checkinMs, records: [checkin] },
          { atMs: doneMs, records: [quiz, completed] },
        ]
      : [{ atMs: doneMs, records: [checkin, quiz, completed] }]
  return { siteId: site.id, lessonId: lesson.id, pushes, records: [checkin, quiz, completed] }
}

/** Records each member makes in a day. */
export const RECORDS_PER_MEMBER = 3
