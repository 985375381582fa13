import { quiz } from '../../domain/testing/fixtures.ts'

export { quiz, record } from '../../domain/testing/fixtures.ts'

/** The quiz's questions by kind, for the lesson player's unit tests. */
export const [single, multiple, truefalse] = quiz.questions as [
  (typeof quiz.questions)[number],
  (typeof quiz.questions)[number],
  (typeof quiz.questions)[number],
]
