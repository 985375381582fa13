import type { Question, Quiz } from '../content/schema.ts'

/** A member's answer: the chosen choice ids (single and multiple choice) or true/false. */
export type Answer = readonly string[] | boolean
export type Answers = Readonly<Record<string, Answer>>

export interface QuestionResult {
  readonly id: string
  readonly correct: boolean
  readonly answered: boolean
}

export interface QuizResult {
  readonly correct: number
  readonly total: number
  /** correct / total, 0..1 */
  readonly share: number
  readonly passed: boolean
  readonly questions: readonly QuestionResult[]
}

/** The right answer of a question, in the shape a member's answer takes. */
export const rightAnswer = (q: Question): Answer => (q.kind === 'single' ? [q.answer] : q.answer)

/** Whether an answer includes a choice: a choice id, or `true` / `false` for a true-false question. */
export function isChosen(answer: Answer | undefined, choiceId: string): boolean {
  if (typeof answer === 'boolean') return answer === (choiceId === 'true')
  return answer?.includes(choiceId) ?? false
}

function isCorrect(q: Question, a: Answer | undefined): boolean {
  if (a === undefined) return false
  if (q.kind === 'truefalse') return a === q.answer
  if (typeof a === 'boolean') return false
  const expected = q.kind === 'single' ? [q.answer] : q.answer
  const given = new Set(a)
  // Multiple choice is all-or-nothing: exactly the right set, no more, no less.
  return given.size === expected.length && expected.every((id) => given.has(id))
}

export function isAnswered(a: Answer | undefined): boolean {
  return typeof a === 'boolean' || (Array.isArray(a) && a.length > 0)
}

/** Scores answers against a quiz. Unanswered questions count as wrong. */
export function scoreQuiz(quiz: Quiz, answers: Answers): QuizResult {
  const questions = quiz.questions.map((q) => ({
    id: q.id as string,
    correct: isCorrect(q, answers[q.id]),
    answered: isAnswered(answers[q.id]),
  }))
  const correct = questions.filter((q) => q.correct).length
  const total = quiz.questions.length
  const share = correct / total
  // A small tolerance so that 3/5 passes a 0.6 mark despite floating point.
  return { correct, total, share, passed: share + 1e-9 >= quiz.passMark, questions }
}

/** Attempts still allowed after `used` attempts; Infinity when the lesson sets no limit (0). */
export function attemptsLeft(quiz: Pick<Quiz, 'maxAttempts'>, used: number): number {
  return quiz.maxAttempts === 0 ? Number.POSITIVE_INFINITY : Math.max(0, quiz.maxAttempts - used)
}
