import type { Quiz } from '../content/schema.ts'
import { choiceLetter, shownChoices } from './choice-order.ts'
import { type Answers, scoreQuiz } from './quiz-scoring.ts'

/** An answering pattern that needs no reading: one letter for every choice question, one truth for every true/false. */
export interface AnsweringPattern {
  /** "A", "B"…: the letter ticked in every single- and multiple-choice question, as shown. */
  readonly letter: string
  /** The answer given to every true/false question. */
  readonly truth: boolean
  readonly correct: number
  readonly total: number
}

/**
 * The first pattern that passes the quiz, if any. A quiz that "always B, always 正确" passes
 * measures nothing; with choices in the app's shown order (choice-order.ts) this is the test.
 */
export function passingPattern(quiz: Quiz): AnsweringPattern | undefined {
  const most = Math.max(2, ...quiz.questions.map((q) => (q.kind === 'truefalse' ? 2 : q.choices.length)))
  for (let position = 0; position < most; position++)
    for (const truth of [true, false]) {
      const answers: Answers = Object.fromEntries(
        quiz.questions.map((q) => {
          if (q.kind === 'truefalse') return [q.id, truth]
          const shown = shownChoices(quiz, q)
          return [q.id, [shown[Math.min(position, shown.length - 1)]?.id ?? '']]
        }),
      )
      const result = scoreQuiz(quiz, answers)
      if (result.passed)
        return {
          letter: choiceLetter(position),
          truth,
          correct: result.correct,
          total: result.total,
        }
    }
  return undefined
}
