import type { Question, Quiz } from '../../domain/content/schema.ts'
import { type Answer, type Answers, isAnswered, type QuizResult } from '../../domain/lesson/quiz-scoring.ts'
import { answeredCount, type QuizDraft } from './drafts.ts'

/**
 * The quiz as a named state machine (STYLE.md 8), kept apart from rendering and from storage:
 * answering → (confirm when questions are unanswered) → submitting → result → answering again
 * on a retry. The component runs the writes and reports their outcome with actions.
 */

/** Why a write failed, in the terms the member is told. */
export type SaveProblem = 'storage-full' | 'failed'

/** A submitted attempt: what the record says plus the per-question result to explain it. */
export interface SubmittedAttempt {
  readonly recordId: string
  readonly attempt: number
  readonly mode: 'onsite' | 'remote' | 'vr'
  readonly answers: Answers
  readonly result: QuizResult
}

export type QuizState =
  | {
      readonly phase: 'answering'
      readonly answers: Answers
      /** Answers restored from a draft when the quiz opened; 0 when nothing was restored. */
      readonly restoredCount: number
      /** Unanswered questions the member is asked to confirm before submitting; 0 when not asking. */
      readonly confirmUnanswered: number
      readonly problem: SaveProblem | null
    }
  | { readonly phase: 'submitting'; readonly answers: Answers }
  | { readonly phase: 'result'; readonly attempt: SubmittedAttempt; readonly justSaved: boolean }

export type QuizAction =
  | { readonly type: 'answer'; readonly questionId: string; readonly answer: Answer }
  | { readonly type: 'ask-confirm'; readonly unanswered: number }
  | { readonly type: 'cancel-confirm' }
  | { readonly type: 'submitting' }
  | { readonly type: 'submit-failed'; readonly problem: SaveProblem }
  | { readonly type: 'submitted'; readonly attempt: SubmittedAttempt }
  | { readonly type: 'retry' }

type Answering = Extract<QuizState, { phase: 'answering' }>

const answering = (answers: Answers, restoredCount = 0): Answering => ({
  phase: 'answering',
  answers,
  restoredCount,
  confirmUnanswered: 0,
  problem: null,
})

/** Where the quiz opens: an unfinished draft first, else the latest attempt's result, else empty. */
export function initialQuizState(
  quiz: Quiz,
  draft: QuizDraft | null,
  latest: SubmittedAttempt | null,
): QuizState {
  if (draft) return answering(draft.answers, answeredCount(quiz, draft.answers))
  if (latest) return { phase: 'result', attempt: latest, justSaved: false }
  return answering({})
}

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer': {
      if (state.phase !== 'answering') return state
      const answers: Record<string, Answer> = { ...state.answers }
      if (isAnswered(action.answer)) answers[action.questionId] = action.answer
      else delete answers[action.questionId]
      // A changed answer withdraws the confirmation question and any old error.
      return { ...state, answers, confirmUnanswered: 0, problem: null }
    }
    case 'ask-confirm':
      return state.phase === 'answering' ? { ...state, confirmUnanswered: action.unanswered } : state
    case 'cancel-confirm':
      return state.phase === 'answering' ? { ...state, confirmUnanswered: 0 } : state
    case 'submitting':
      return state.phase === 'answering' ? { phase: 'submitting', answers: state.answers } : state
    case 'submit-failed':
      // The answers stay exactly as they were: a failed save never costs the member their work.
      return state.phase === 'submitting' ? { ...answering(state.answers), problem: action.problem } : state
    case 'submitted':
      return state.phase === 'submitting'
        ? { phase: 'result', attempt: action.attempt, justSaved: true }
        : state
    case 'retry':
      return state.phase === 'result' ? answering({}) : state
  }
}

/** Whether submitting now needs the member to confirm first (some questions unanswered, not yet asked). */
export function needsConfirmation(quiz: Quiz, state: QuizState): number {
  if (state.phase !== 'answering' || state.confirmUnanswered > 0) return 0
  return quiz.questions.length - answeredCount(quiz, state.answers)
}

/** The answer after the member picks or unpicks a choice: radios replace, checkboxes toggle. */
export function pickChoice(question: Question, current: Answer | undefined, choiceId: string): Answer {
  if (question.kind === 'truefalse') return choiceId === 'true'
  if (question.kind === 'single') return [choiceId]
  const chosen = Array.isArray(current) ? current : []
  const next = chosen.includes(choiceId) ? chosen.filter((id) => id !== choiceId) : [...chosen, choiceId]
  // Kept in the quiz's choice order so that a record reads the same however the member clicked.
  const order = question.choices.map((c) => c.id as string)
  return next.sort((a, b) => order.indexOf(a) - order.indexOf(b))
}

/** The answers as a record payload stores them: only answered questions, plain arrays. */
export function answersForRecord(answers: Answers): Record<string, string[] | boolean> {
  const out: Record<string, string[] | boolean> = {}
  for (const [id, a] of Object.entries(answers)) {
    if (!isAnswered(a)) continue
    out[id] = typeof a === 'boolean' ? a : [...a]
  }
  return out
}

/** The least number of right answers that passes, for telling the member the pass mark in questions. */
export function questionsNeededToPass(quiz: Pick<Quiz, 'passMark' | 'questions'>): number {
  // Same tolerance as scoreQuiz, so that 0.6 of 5 is 3, not 4.
  return Math.ceil(quiz.passMark * quiz.questions.length - 1e-9)
}
