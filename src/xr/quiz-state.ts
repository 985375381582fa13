import type { Quiz } from '../domain/content/schema.ts'
import { type Answers, type QuizResult, scoreQuiz } from '../domain/lesson/quiz-scoring.ts'
import type { SaveOutcome } from './scene-store.ts'

/**
 * The VR quiz panel's state: one question at a time (a headset panel has room for one), then
 * the result once the attempt is durably saved. "已保存" shows only after the save resolved.
 * `attempt` is the attempt's number, so the answer review (QuizReview.tsx) letters the choices
 * as that attempt showed them: the next attempt shuffles them anew.
 */
export type QuizPanelState =
  | {
      readonly phase: 'answering'
      readonly index: number
      readonly answers: Answers
      readonly problem: 'storage-full' | 'failed' | null
    }
  | {
      readonly phase: 'saving'
      readonly index: number
      readonly answers: Answers
      readonly result: QuizResult
      readonly attempt: number
    }
  | {
      readonly phase: 'result'
      readonly index: number
      readonly answers: Answers
      readonly result: QuizResult
      readonly attempt: number
    }

export const initialQuizPanelState: QuizPanelState = {
  phase: 'answering',
  index: 0,
  answers: {},
  problem: null,
}

export function submitQuizState(quiz: Quiz, state: QuizPanelState, attempt: number): QuizPanelState {
  return {
    phase: 'saving',
    index: state.index,
    answers: state.answers,
    result: scoreQuiz(quiz, state.answers),
    attempt,
  }
}

export function quizAfterSave(state: QuizPanelState, outcome: SaveOutcome): QuizPanelState {
  if (state.phase !== 'saving') return state
  if (outcome.ok) return { ...state, phase: 'result' }
  // The answers stay as they were: a failed save never costs the member their work.
  return { phase: 'answering', index: state.index, answers: state.answers, problem: outcome.problem }
}
