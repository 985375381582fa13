import type { AnyRecord } from './record.ts'

/**
 * A member's progress as a pure projection of their records (DESIGN.md). The same function runs
 * on the device and on the server. It is a commutative merge — earliest stamp, best score,
 * union of attempts — over a set of records deduplicated by id, so the order in which records
 * arrive never changes the result and two devices of one member converge.
 */

export interface Stamp {
  readonly siteId: string
  readonly at: string
  readonly method: 'gps' | 'qr'
  readonly recordId: string
}

export interface LessonProgress {
  readonly lessonId: string
  readonly completed: boolean
  readonly completedAt?: string
  readonly modes: readonly ('onsite' | 'remote' | 'vr')[]
  readonly bestScore?: number
  readonly attempts: number
  readonly passedAttempt: boolean
  readonly reflections: number
}

/** A trainer's presence code read at a site: present there, whether or not a check-in worked. */
export interface Attended {
  readonly siteId: string
  readonly at: string
  readonly recordId: string
}

export interface Progress {
  readonly stamps: ReadonlyMap<string, Stamp>
  /**
   * Sites where the trainer confirmed the member's presence (attestation records naming a site),
   * earliest first. Kept apart from stamps: a check-in is the member's own GPS or QR proof, and
   * screens that speak of check-ins must not count a confirmation as one.
   */
  readonly attended: ReadonlyMap<string, Attended>
  readonly lessons: ReadonlyMap<string, LessonProgress>
  readonly recordCount: number
}

/** Orders two records of the same fact deterministically: earlier device time, then id. */
const earlier = (a: { at: string; recordId: string }, b: { at: string; recordId: string }) =>
  a.at < b.at || (a.at === b.at && a.recordId < b.recordId)

export function projectProgress(records: Iterable<AnyRecord>): Progress {
  const byId = new Map<string, AnyRecord>()
  for (const r of records) byId.set(r.id, r)

  const stamps = new Map<string, Stamp>()
  const attended = new Map<string, Attended>()
  type MutableLesson = { -readonly [K in keyof LessonProgress]: LessonProgress[K] } & {
    modeSet: Set<'onsite' | 'remote' | 'vr'>
  }
  const lessons = new Map<string, MutableLesson>()
  const lesson = (id: string) => {
    let l = lessons.get(id)
    if (!l) {
      l = {
        lessonId: id,
        completed: false,
        modes: [],
        attempts: 0,
        passedAttempt: false,
        reflections: 0,
        modeSet: new Set(),
      }
      lessons.set(id, l)
    }
    return l
  }

  for (const r of byId.values()) {
    switch (r.kind) {
      case 'checkin': {
        const s: Stamp = {
          siteId: r.payload.siteId,
          at: r.occurredAt,
          method: r.payload.method,
          recordId: r.id,
        }
        const old = stamps.get(s.siteId)
        if (!old || earlier(s, old)) stamps.set(s.siteId, s)
        break
      }
      case 'lesson.completed': {
        const l = lesson(r.payload.lessonId)
        l.completed = true
        if (!l.completedAt || r.occurredAt < l.completedAt) l.completedAt = r.occurredAt
        l.modeSet.add(r.payload.mode)
        if (r.payload.score !== undefined) l.bestScore = Math.max(l.bestScore ?? 0, r.payload.score)
        break
      }
      case 'quiz.submitted': {
        // A pre-test (课前测) measures what a member knew before the lesson: it is neither an
        // attempt at the quiz nor progress, so it never passes a lesson or raises its best score.
        if (r.payload.phase === 'pre') break
        const l = lesson(r.payload.lessonId)
        l.attempts += 1
        l.passedAttempt ||= r.payload.passed
        l.bestScore = Math.max(l.bestScore ?? 0, r.payload.correct / r.payload.total)
        break
      }
      case 'reflection': {
        if (r.payload.lessonId) lesson(r.payload.lessonId).reflections += 1
        break
      }
      case 'attestation': {
        const siteId = r.payload.siteId
        if (!siteId) break
        const a: Attended = { siteId, at: r.occurredAt, recordId: r.id }
        const old = attended.get(siteId)
        if (!old || earlier(a, old)) attended.set(siteId, a)
        break
      }
    }
  }

  const done = new Map<string, LessonProgress>()
  for (const [id, { modeSet, ...l }] of lessons) done.set(id, { ...l, modes: [...modeSet].sort() })
  return { stamps, attended, lessons: done, recordCount: byId.size }
}
