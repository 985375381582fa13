import { describe, expect, it } from 'vitest'
import { QuizSchema } from '../content/schema.ts'
import { shownChoices } from './choice-order.ts'

/** A quiz as an author tends to write one: every right answer listed first. */
function quizOf(prompt: string, singles: number, choices = 4) {
  return QuizSchema.parse({
    passMark: 0.6,
    maxAttempts: 3,
    questions: [
      ...Array.from({ length: singles }, (_, i) => ({
        id: `q${i + 1}`,
        kind: 'single',
        prompt: { zh: `${prompt}之${i + 1}` },
        explanation: { zh: '解析' },
        choices: Array.from({ length: choices }, (_, c) => ({ id: `c${c}`, text: { zh: `选项${c}` } })),
        answer: 'c0',
      })),
      {
        id: 'many',
        kind: 'multiple',
        prompt: { zh: `${prompt}多选` },
        explanation: { zh: '解析' },
        choices: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: { zh: id } })),
        answer: ['a', 'b', 'c'],
      },
    ],
  })
}

const ids = (choices: readonly { id: string }[]) => choices.map((c) => c.id)
const choiceQuestions = (quiz: ReturnType<typeof quizOf>) =>
  quiz.questions.flatMap((q) => (q.kind === 'truefalse' ? [] : [q]))

describe('shownChoices', () => {
  it('shows every choice of a question once', () => {
    const quiz = quizOf('枣园', 6)
    for (const q of choiceQuestions(quiz))
      expect(ids(shownChoices(quiz, q)).sort()).toEqual(ids(q.choices).sort())
  })

  it('deals the right answers of a quiz to different positions, round after round', () => {
    const quiz = quizOf('杨家岭', 8)
    const positions = choiceQuestions(quiz)
      .filter((q) => q.kind === 'single')
      .map((q) => ids(shownChoices(quiz, q)).indexOf('c0'))
    // Two rounds over four positions: each position holds the answer exactly twice.
    for (const p of [0, 1, 2, 3])
      expect(
        positions.filter((x) => x === p),
        `position ${p}`,
      ).toHaveLength(2)
  })

  it('puts right answers of three-choice questions on the three positions they have', () => {
    const quiz = quizOf('王家坪', 6, 3)
    const positions = choiceQuestions(quiz)
      .filter((q) => q.kind === 'single')
      .map((q) => ids(shownChoices(quiz, q)).indexOf('c0'))
    expect(positions.every((p) => p >= 0 && p < 3)).toBe(true)
    for (const p of [0, 1, 2])
      expect(
        positions.filter((x) => x === p),
        `position ${p}`,
      ).toHaveLength(2)
  })

  it('is the same for the same quiz, on any device: it depends on the content only', () => {
    const a = quizOf('宝塔山', 5)
    const b = quizOf('宝塔山', 5)
    for (const [i, q] of choiceQuestions(a).entries())
      expect(ids(shownChoices(a, q))).toEqual(ids(shownChoices(b, choiceQuestions(b)[i] as typeof q)))
  })

  it('differs between quizzes whose question ids are the same (q1, q2…)', () => {
    const orders = ['南泥湾', '枣园', '杨家岭', '西北局'].map((place) => {
      const quiz = quizOf(place, 5)
      return choiceQuestions(quiz)
        .map((q) => ids(shownChoices(quiz, q)).join(''))
        .join('|')
    })
    expect(new Set(orders).size).toBe(4)
  })

  it('shuffles a multiple-choice question: its answers are not simply the first choices shown', () => {
    const firsts = ['南泥湾', '枣园', '杨家岭', '西北局', '延安'].map((place) => {
      const quiz = quizOf(place, 4)
      const many = choiceQuestions(quiz).find((q) => q.id === 'many')
      return many ? ids(shownChoices(quiz, many)).slice(0, 3).sort().join('') : ''
    })
    expect(firsts.filter((f) => f === 'abc').length).toBeLessThan(firsts.length)
  })
})

describe('shownChoices on later attempts', () => {
  const orderOf = (quiz: ReturnType<typeof quizOf>, attempt: number) =>
    choiceQuestions(quiz).map((q) => ids(shownChoices(quiz, q, attempt)).join(''))

  it('keeps attempt 1 as the order of the questions alone (what a class talks about)', () => {
    const quiz = quizOf('枣园', 6)
    expect(orderOf(quiz, 1)).toEqual(choiceQuestions(quiz).map((q) => ids(shownChoices(quiz, q)).join('')))
  })

  it('changes the order of every choice question from one attempt to the next', () => {
    const quiz = quizOf('南泥湾', 6, 2)
    for (let attempt = 2; attempt <= 8; attempt++) {
      const before = orderOf(quiz, attempt - 1)
      orderOf(quiz, attempt).forEach((order, i) => {
        expect(order, `question ${i + 1}, attempt ${attempt}`).not.toBe(before[i])
      })
    }
  })

  it('is the same attempt order on any device', () => {
    expect(orderOf(quizOf('宝塔山', 5), 3)).toEqual(orderOf(quizOf('宝塔山', 5), 3))
  })

  it('still shows every choice once and deals right answers to every position', () => {
    const quiz = quizOf('杨家岭', 8)
    const singles = choiceQuestions(quiz).filter((q) => q.kind === 'single')
    for (const q of choiceQuestions(quiz))
      expect(ids(shownChoices(quiz, q, 2)).sort()).toEqual(ids(q.choices).sort())
    const positions = singles.map((q) => ids(shownChoices(quiz, q, 2)).indexOf('c0'))
    expect(new Set(positions).size).toBe(4)
  })
})
