import type { Quiz } from '../../domain/content/schema.ts'
import { quizPhaseOf } from '../../domain/lesson/pretest.ts'
import { scoreQuiz } from '../../domain/lesson/quiz-scoring.ts'
import type { LessonProgress } from '../../domain/records/progress.ts'
import type { AnyRecord, RecordEnvelope } from '../../domain/records/record.ts'
import { sanitizeAnswers } from './drafts.ts'
import type { SubmittedAttempt } from './quiz-flow.ts'

/**
 * What the lesson screen reads from a member's records: pure selectors over the log, so the
 * screen shows the same after a reload, a kill or a sync from another device.
 */

type QuizRecord = RecordEnvelope<'quiz.submitted'>
type CompletionRecord = RecordEnvelope<'lesson.completed'>
type ReflectionRecord = RecordEnvelope<'reflection'>

/**
 * The member's latest quiz attempt at a lesson: the highest attempt number, the later record on
 * a tie. Pre-test records (课前测) are not quiz attempts and are never returned.
 */
export function latestQuizRecord(records: readonly AnyRecord[], lessonId: string): QuizRecord | null {
  let latest: QuizRecord | null = null
  for (const r of records)
    if (r.kind === 'quiz.submitted' && r.payload.lessonId === lessonId && quizPhaseOf(r.payload) === 'post')
      if (!latest || r.payload.attempt >= latest.payload.attempt) latest = r
  return latest
}

/**
 * A stored attempt as the result view shows it. The totals are the record's (what counted);
 * the per-question verdicts are recomputed against the quiz as it is now, to explain them.
 */
export function attemptFromRecord(quiz: Quiz, record: QuizRecord): SubmittedAttempt {
  const answers = sanitizeAnswers(quiz, record.payload.answers)
  const rescored = scoreQuiz(quiz, answers)
  const { correct, total, passed } = record.payload
  return {
    recordId: record.id,
    attempt: record.payload.attempt,
    mode: record.payload.mode,
    answers,
    result: { ...rescored, correct, total, passed, share: correct / total },
  }
}

/** The completion that a passing attempt produced, if it has been written. */
export function completionFor(records: readonly AnyRecord[], quizRecordId: string): CompletionRecord | null {
  for (const r of records)
    if (r.kind === 'lesson.completed' && r.payload.quizRecordId === quizRecordId) return r
  return null
}

/** The member's reflections on a lesson, newest first. */
export function reflectionsOf(records: readonly AnyRecord[], lessonId: string): ReflectionRecord[] {
  return records
    .filter((r): r is ReflectionRecord => r.kind === 'reflection' && r.payload.lessonId === lessonId)
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
}

/**
 * Whether the member has any record of this lesson. Without a stamp for the site such a record
 * can only have been made remotely, so reopening the lesson need not ask again.
 */
export function hasStudied(records: readonly AnyRecord[], lessonId: string): boolean {
  return records.some(
    (r) =>
      (r.kind === 'quiz.submitted' || r.kind === 'lesson.completed' || r.kind === 'reflection') &&
      r.payload.lessonId === lessonId,
  )
}

/** A lesson's status in one line, for the site page's lesson card. */
export type LessonStatus =
  | { readonly kind: 'not-started' }
  /** A reflection written, no quiz attempt yet. */
  | { readonly kind: 'started' }
  | { readonly kind: 'tried'; readonly attempts: number; readonly bestScore: number }
  | { readonly kind: 'completed'; readonly bestScore?: number }

export function lessonStatus(progress: LessonProgress | undefined): LessonStatus {
  if (!progress) return { kind: 'not-started' }
  if (progress.completed) return { kind: 'completed', bestScore: progress.bestScore }
  if (progress.attempts > 0)
    return { kind: 'tried', attempts: progress.attempts, bestScore: progress.bestScore ?? 0 }
  return progress.reflections > 0 ? { kind: 'started' } : { kind: 'not-started' }
}
