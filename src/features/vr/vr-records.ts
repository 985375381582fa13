import type { Lesson } from '../../domain/content/pack.ts'
import { quizPhaseOf } from '../../domain/lesson/pretest.ts'
import { type Answers, attemptsLeft, type QuizResult } from '../../domain/lesson/quiz-scoring.ts'
import type { PayloadOf } from '../../domain/records/kinds.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import type { SceneFile } from '../../domain/scenes/schema.ts'
import { answersForRecord } from '../lesson/quiz-flow.ts'

/**
 * What a VR session writes to the record log, as pure functions: the same record kinds as an
 * on-site lesson, with mode `vr`, so progress and the passport count a VR completion exactly
 * like an on-site one (DESIGN.md "VR classroom").
 */

/** Quiz attempts already made at a lesson, in any mode; a pre-test (课前测) is not an attempt. */
export function attemptsUsed(records: readonly AnyRecord[], lessonId: string): number {
  return records.filter(
    (r) =>
      r.kind === 'quiz.submitted' && r.payload.lessonId === lessonId && quizPhaseOf(r.payload) === 'post',
  ).length
}

export function vrAttemptsLeft(records: readonly AnyRecord[], lesson: Lesson): number {
  return attemptsLeft(lesson.quiz, attemptsUsed(records, lesson.id))
}

/** Whether any quiz attempt at a lesson passed, in any mode; a pre-test never passes a lesson. */
export function quizPassed(records: readonly AnyRecord[], lessonId: string): boolean {
  return records.some(
    (r) =>
      r.kind === 'quiz.submitted' &&
      r.payload.lessonId === lessonId &&
      quizPhaseOf(r.payload) === 'post' &&
      r.payload.passed,
  )
}

export function vrQuizPayload(
  lesson: Lesson,
  attempt: number,
  answers: Answers,
  result: QuizResult,
): PayloadOf<'quiz.submitted'> {
  return {
    lessonId: lesson.id,
    attempt,
    mode: 'vr',
    answers: answersForRecord(answers),
    correct: result.correct,
    total: result.total,
    passed: result.passed,
  }
}

export function vrLessonCompletion(
  lesson: Lesson,
  result: QuizResult,
  quizRecordId: string,
): PayloadOf<'lesson.completed'> {
  return { lessonId: lesson.id, siteId: lesson.site, mode: 'vr', score: result.share, quizRecordId }
}

/** A scene without a lesson (the oath hall) completes as its standalone lesson id and site. */
export function vrStandaloneCompletion(scene: SceneFile): PayloadOf<'lesson.completed'> | null {
  const s = scene.standaloneCompletion
  return s ? { lessonId: s.lessonId, siteId: s.siteId, mode: 'vr' } : null
}
