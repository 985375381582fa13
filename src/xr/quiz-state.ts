import type { Quiz } from '../domain/content/schema.ts'
import { type Answers, type QuizResult, scoreQuiz } from '../domain/lesson/quiz-scoring.ts'
import type { SaveOutcome } from './scene-store.ts'

/**
 * The VR quiz panel's state: one question at a time (a headset panel has room for one), then
 * the result once the attempt is durably saved. "已保存" shows only after the save resolved.
 * Once the answers may be shown (result-review.ts), the member can page through a review: the
 * questions they got wrong (all of them when none was wrong), one per page, with the right
 * answer and its explanation. `attempt` is the attempt's number, so the review letters the
 * choices as that attempt showed them (the next attempt shuffles them anew).
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
  | {
      readonly phase: 'review'
      readonly index: number
      readonly answers: Answers
      readonly result: QuizResult
      readonly attempt: number
      /** Indexes of the questions reviewed, in quiz order, and the one on the panel. */
      readonly pages: readonly number[]
      readonly page: number
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

/** From the saved result to the first page of the review: the wrong questions, or all if none. */
export function startReview(state: QuizPanelState): QuizPanelState {
  if (state.phase !== 'result') return state
  const wrong = state.result.questions.flatMap((q, i) => (q.correct ? [] : [i]))
  const pages = wrong.length > 0 ? wrong : state.result.questions.map((_, i) => i)
  return { ...state, phase: 'review', pages, page: 0 }
}

/** Another page of the review; a step past either end stays where it is. */
export function turnReviewPage(state: QuizPanelState, step: number): QuizPanelState {
  if (state.phase !== 'review') return state
  const page = state.page + step
  return page < 0 || page >= state.pages.length ? state : { ...state, page }
}

/** Back from the review to the result. */
export function endReview(state: QuizPanelState): QuizPanelState {
  if (state.phase !== 'review') return state
  const { pages: _pages, page: _page, ...result } = state
  return { ...result, phase: 'result' }
}
