import type { LessonFile, Question } from '../content/schema.ts'
import { type Answers, type QuestionResult, scoreQuiz } from './quiz-scoring.ts'

/**
 * A lesson's pre-test (课前测): some of its own quiz questions, asked before the lesson and again
 * in the quiz after it, so that before and after compare question by question. It has no pass
 * mark and never counts towards passing (records/progress.ts).
 */

export type QuizPhase = 'pre' | 'post'

/** The phase of a `quiz.submitted` payload; records made before pre-tests existed are 'post'. */
export const quizPhaseOf = (payload: { readonly phase?: QuizPhase }): QuizPhase => payload.phase ?? 'post'

type LessonQuiz = Pick<LessonFile, 'quiz' | 'pretest'>

/** The pre-test's questions in the order the lesson lists them; empty when the lesson has none. */
export function pretestQuestions(lesson: LessonQuiz): Question[] {
  const byId = new Map(lesson.quiz.questions.map((q) => [q.id as string, q]))
  return (lesson.pretest ?? []).flatMap((id) => byId.get(id) ?? [])
}

export const hasPretest = (lesson: LessonQuiz): boolean => pretestQuestions(lesson).length > 0

export interface PretestResult {
  readonly correct: number
  readonly total: number
  /** In the pre-test's order. */
  readonly questions: readonly QuestionResult[]
}

/**
 * Scores answers on the pre-test's questions only, with the quiz's own rules (all-or-nothing
 * multiple choice, unanswered counts as wrong). Answers to other questions are ignored.
 */
export function scorePretest(lesson: LessonQuiz, answers: Answers): PretestResult {
  const results = new Map(scoreQuiz(lesson.quiz, answers).questions.map((r) => [r.id, r]))
  const questions = pretestQuestions(lesson).flatMap((q) => results.get(q.id) ?? [])
  return { correct: questions.filter((q) => q.correct).length, total: questions.length, questions }
}
