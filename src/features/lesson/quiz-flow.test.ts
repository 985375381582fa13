import { describe, expect, it } from 'vitest'
import { scoreQuiz } from '../../domain/lesson/quiz-scoring.ts'
import {
  answersForRecord,
  initialQuizState,
  needsConfirmation,
  pickChoice,
  type QuizAction,
  type QuizState,
  questionsNeededToPass,
  quizReducer,
  type SubmittedAttempt,
} from './quiz-flow.ts'
import { multiple, quiz, single, truefalse } from './test-fixtures.ts'

const run = (state: QuizState, ...actions: QuizAction[]) => actions.reduce(quizReducer, state)
const empty = initialQuizState(quiz, null, null)
const attempt = (answers: SubmittedAttempt['answers']): SubmittedAttempt => ({
  recordId: 'r1',
  attempt: 1,
  mode: 'remote',
  answers,
  result: scoreQuiz(quiz, answers),
})

describe('initialQuizState', () => {
  it('restores a draft and says how many answers came back', () => {
    const state = initialQuizState(quiz, { v: 1, mode: 'remote', answers: { q1: ['a'], q3: false } }, null)
    expect(state).toMatchObject({ phase: 'answering', answers: { q1: ['a'], q3: false }, restoredCount: 2 })
  })

  it('shows the latest attempt when there is no draft, and a draft over an old attempt', () => {
    const latest = attempt({ q1: ['a'] })
    expect(initialQuizState(quiz, null, latest)).toEqual({
      phase: 'result',
      attempt: latest,
      justSaved: false,
    })
    const draft = { v: 1, mode: 'onsite', answers: { q1: ['b'] } } as const
    expect(initialQuizState(quiz, draft, latest).phase).toBe('answering')
  })
})

describe('quizReducer', () => {
  it('records and withdraws answers', () => {
    const answered = run(empty, { type: 'answer', questionId: 'q2', answer: ['a'] })
    expect(answered).toMatchObject({ answers: { q2: ['a'] } })
    expect(run(answered, { type: 'answer', questionId: 'q2', answer: [] })).toMatchObject({ answers: {} })
  })

  it('keeps the answers when a submit fails, with the reason', () => {
    const state = run(
      empty,
      { type: 'answer', questionId: 'q3', answer: true },
      { type: 'submitting' },
      { type: 'submit-failed', problem: 'storage-full' },
    )
    expect(state).toMatchObject({ phase: 'answering', answers: { q3: true }, problem: 'storage-full' })
  })

  it('ignores answers while submitting and after the result', () => {
    const submitting = run(empty, { type: 'submitting' })
    expect(run(submitting, { type: 'answer', questionId: 'q1', answer: ['a'] })).toBe(submitting)
    const result = run(submitting, { type: 'submitted', attempt: attempt({}) })
    expect(run(result, { type: 'answer', questionId: 'q1', answer: ['a'] })).toBe(result)
  })

  it('shows the result as just saved, and a retry starts from no answers', () => {
    const done = attempt({ q1: ['a'] })
    const result = run(empty, { type: 'submitting' }, { type: 'submitted', attempt: done })
    expect(result).toEqual({ phase: 'result', attempt: done, justSaved: true })
    expect(run(result, { type: 'retry' })).toEqual(empty)
  })

  it('does not accept a result it did not submit (a double tap cannot record twice)', () => {
    expect(run(empty, { type: 'submitted', attempt: attempt({}) })).toBe(empty)
  })
})

describe('needsConfirmation', () => {
  it('asks once about unanswered questions, then lets the submit through', () => {
    const partly = run(empty, { type: 'answer', questionId: 'q1', answer: ['a'] })
    expect(needsConfirmation(quiz, partly)).toBe(4)
    const asked = run(partly, { type: 'ask-confirm', unanswered: 4 })
    expect(needsConfirmation(quiz, asked)).toBe(0)
  })

  it('asks again after the member changed an answer or went back to answering', () => {
    const asked = run(empty, { type: 'ask-confirm', unanswered: 5 })
    expect(needsConfirmation(quiz, run(asked, { type: 'answer', questionId: 'q1', answer: ['a'] }))).toBe(4)
    expect(needsConfirmation(quiz, run(asked, { type: 'cancel-confirm' }))).toBe(5)
  })

  it('does not ask when every question is answered', () => {
    const all = { q1: ['a'], q2: ['a'], q3: true, q4: true, q5: false }
    expect(
      needsConfirmation(quiz, initialQuizState(quiz, { v: 1, mode: 'onsite', answers: all }, null)),
    ).toBe(0)
  })
})

describe('pickChoice', () => {
  it('replaces a single choice and maps true/false choices to booleans', () => {
    expect(pickChoice(single, ['a'], 'b')).toEqual(['b'])
    expect(pickChoice(truefalse, undefined, 'false')).toBe(false)
    expect(pickChoice(truefalse, false, 'true')).toBe(true)
  })

  it('toggles multiple choices and keeps them in the order of the quiz', () => {
    expect(pickChoice(multiple, ['c'], 'a')).toEqual(['a', 'c'])
    expect(pickChoice(multiple, ['a', 'c'], 'a')).toEqual(['c'])
  })
})

describe('answersForRecord', () => {
  it('leaves out unanswered questions', () => {
    expect(answersForRecord({ q1: ['a'], q2: [], q3: false })).toEqual({ q1: ['a'], q3: false })
  })
})

describe('questionsNeededToPass', () => {
  it('rounds up, without a floating-point step too many', () => {
    expect(questionsNeededToPass(quiz)).toBe(3)
    expect(questionsNeededToPass({ passMark: 0.6, questions: Array(6) })).toBe(4)
    expect(questionsNeededToPass({ passMark: 1, questions: Array(6) })).toBe(6)
  })
})
