import type { ContentPack } from '../../src/domain/content/pack.ts'
import { judgeFix, neededAccuracyM } from '../../src/domain/geo/geofence.ts'
import { quizPhaseOf, scorePretest } from '../../src/domain/lesson/pretest.ts'
import { scoreQuiz } from '../../src/domain/lesson/quiz-scoring.ts'
import { verifySiteToken } from '../../src/domain/qr/verify.ts'
import type { AnyRecord, RecordEnvelope } from '../../src/domain/records/record.ts'
import { FLAG, qrFlag } from './flags.ts'

/**
 * What the server re-verifies of a record (notes/reliability.md P21–P23): pure functions of the
 * record, the content pack and the server clock. The result is a list of flags; nothing here
 * rejects a record.
 */

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Offsets beyond this mean the device clock was wrong, not merely drifting. */
export const CLOCK_SKEW_LIMIT_MS = 24 * HOUR_MS
/** Offline work older than this is unusual enough to flag (it also outlives a 90-day session). */
export const MAX_PLAUSIBLE_AGE_MS = 90 * DAY_MS

/**
 * Coordinates arrive rounded to 3 decimals, which moves a point by up to 0.0005° on each axis:
 * ≤ 55.7 m north–south plus ≤ 55.7 m east–west, ≤ 78.7 m in all. The server allows 100 m.
 */
export const ROUNDING_ALLOWANCE_M = 100

/** The best estimate of when a record happened: device time corrected by the known offset (UTC, ms). */
export function correctedTimeMs(r: Pick<RecordEnvelope, 'occurredAt' | 'clockOffsetMs'>): number {
  return Date.parse(r.occurredAt) + (r.clockOffsetMs ?? 0)
}

/** `t` is correctedTimeMs(r), when the caller has it already. */
export function clockFlags(r: AnyRecord, receivedAtMs: number, t = correctedTimeMs(r)): string[] {
  const flags: string[] = []
  if (r.clockOffsetMs !== null && Math.abs(r.clockOffsetMs) > CLOCK_SKEW_LIMIT_MS) flags.push(FLAG.clockSkew)
  if (t > receivedAtMs + CLOCK_SKEW_LIMIT_MS || t < receivedAtMs - MAX_PLAUSIBLE_AGE_MS)
    flags.push(FLAG.clockSuspect)
  return flags
}

/** Geofence and QR re-verification of a check-in, and content checks of lessons and quizzes. */
export async function contentFlags(
  r: AnyRecord,
  pack: ContentPack,
  /**
   * Whether a lesson is completed in a VR scene only (scene-catalog.ts standaloneLessonIds);
   * asked only for an id the content pack lacks, so a push reads the scenes only when it has to.
   */
  isStandaloneLesson: (lessonId: string) => boolean = () => false,
): Promise<string[]> {
  const flags: string[] = []
  if (r.contentVersion !== pack.version) flags.push(FLAG.contentOutdated)
  switch (r.kind) {
    case 'checkin': {
      const p = r.payload
      const site = pack.sites.find((s) => s.id === p.siteId)
      if (!site) flags.push(FLAG.unknownSite)
      if (p.method === 'gps') {
        if (!p.gps) flags.push(FLAG.gpsMissing)
        else if (site) {
          const fence = {
            center: site.location,
            radiusM: site.checkin.radiusM,
            maxAccuracyM: site.checkin.maxAccuracyM,
          }
          const verdict = judgeFix(fence, {
            position: { lng: p.gps.lng, lat: p.gps.lat },
            accuracyM: p.gps.accuracyM,
          })
          // Read from the accuracy, not the verdict: a fix far outside is `outside` however poor.
          if (!(p.gps.accuracyM <= neededAccuracyM(fence))) flags.push(FLAG.geofenceAccuracy)
          if (verdict.distanceM > fence.radiusM + ROUNDING_ALLOWANCE_M) flags.push(FLAG.geofenceOutside)
        }
      } else if (!p.qr) flags.push(FLAG.qrMissing)
      else {
        // The code had to be valid when it was scanned (possibly days ago, offline), not now.
        const verdict = await verifySiteToken(p.qr.token, pack.keys, {
          siteId: p.siteId,
          now: new Date(correctedTimeMs(r)),
        })
        if (!verdict.ok) flags.push(qrFlag(verdict.reason))
      }
      break
    }
    case 'lesson.completed': {
      const { lessonId } = r.payload
      if (!pack.lessons.some((l) => l.id === lessonId) && !isStandaloneLesson(lessonId))
        flags.push(FLAG.unknownLesson)
      break
    }
    case 'quiz.submitted': {
      const lesson = pack.lessons.find((l) => l.id === r.payload.lessonId)
      if (!lesson) {
        flags.push(FLAG.unknownLesson)
        break
      }
      // A pre-test counts its own questions only and has no pass mark (domain/lesson/pretest.ts).
      const result =
        quizPhaseOf(r.payload) === 'pre'
          ? { ...scorePretest(lesson, r.payload.answers), passed: false }
          : scoreQuiz(lesson.quiz, r.payload.answers)
      if (
        result.correct !== r.payload.correct ||
        result.total !== r.payload.total ||
        result.passed !== r.payload.passed
      )
        flags.push(FLAG.quizScoreMismatch)
      break
    }
    case 'reflection':
      break
  }
  return flags
}

/** A class's dates are calendar days in China Standard Time (UTC+8, no daylight saving). */
export function classWindowMs(startsOn: string, endsOn: string): { from: number; to: number } {
  return {
    from: Date.parse(`${startsOn}T00:00:00+08:00`),
    to: Date.parse(`${endsOn}T00:00:00+08:00`) + DAY_MS,
  }
}

export function classFlags(
  r: AnyRecord,
  cls: { starts_on: string; ends_on: string } | undefined,
  t = correctedTimeMs(r),
): string[] {
  if (!cls) return []
  const { from, to } = classWindowMs(cls.starts_on, cls.ends_on)
  return t < from || t >= to ? [FLAG.outsideClassWindow] : []
}
