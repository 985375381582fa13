import type { Lesson } from '../../domain/content/pack.ts'
import { pretestQuestions, quizPhaseOf, scorePretest } from '../../domain/lesson/pretest.ts'
import { type Answer, type Answers, isAnswered } from '../../domain/lesson/quiz-scoring.ts'
import type { PayloadOf } from '../../domain/records/kinds.ts'
import type { AnyRecord, RecordEnvelope } from '../../domain/records/record.ts'
import { sanitizeAnswers } from './drafts.ts'
import type { StudyMode } from './lesson-mode.ts'
import { hasStudied } from './lesson-records.ts'
import { answersForRecord, type SaveProblem } from './quiz-flow.ts'

/**
 * The pre-test (课前小测) in the lesson player, as pure functions and a named state union kept
 * apart from rendering (STYLE.md 8): when it is offered, its draft, the record it writes, and
 * the before/after line the quiz result shows.
 *
 * It is offered once, before the lesson, to a member with nothing of the lesson yet: no record
 * (a pre-test record included), no quiz or reflection draft, and no earlier "跳过". Someone who
 * has seen the lesson can no longer say what they knew before it.
 */

/** Draft key of unfinished pre-test answers (the record log's draft store, like the quiz's). */
export const pretestDraftKey = (lessonId: string) => `pretest:${lessonId}`

/**
 * Meta key remembering that the member skipped a lesson's pre-test on this device. Not a draft:
 * drafts hold unfinished work, and an update waits while any exists (P10).
 */
export const pretestSkipKey = (memberId: string, lessonId: string) =>
  `pretest-skipped:${memberId}:${lessonId}`

export interface PretestDraft {
  readonly v: 1
  readonly mode: StudyMode
  readonly answers: Answers
}

/** Only answers to the pre-test's questions, as they fit the content now; null when none. */
export function parsePretestDraft(lesson: Lesson, raw: unknown): PretestDraft | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { v, mode, answers } = raw as Record<string, unknown>
  if (v !== 1 || (mode !== 'onsite' && mode !== 'remote')) return null
  const own = onlyPretest(lesson, sanitizeAnswers(lesson.quiz, answers))
  return Object.keys(own).length > 0 ? { v: 1, mode, answers: own } : null
}

function onlyPretest(lesson: Lesson, answers: Answers): Answers {
  const out: Record<string, Answer> = {}
  for (const q of pretestQuestions(lesson)) {
    const a = answers[q.id]
    if (a !== undefined && isAnswered(a)) out[q.id] = a
  }
  return out
}

/** Whether the pre-test is to be offered, from what is known at once (the skip mark is read after). */
export function pretestMayOpen(
  lesson: Lesson,
  records: readonly AnyRecord[],
  drafts: { readonly quiz: unknown; readonly reflection: unknown },
): boolean {
  return (
    pretestQuestions(lesson).length > 0 &&
    !hasStudied(records, lesson.id) &&
    drafts.quiz === null &&
    drafts.reflection === null
  )
}

/** The `quiz.submitted` payload of a pre-test: its questions only, attempt 1, no pass mark. */
export function pretestPayload(
  lesson: Lesson,
  mode: StudyMode,
  answers: Answers,
): PayloadOf<'quiz.submitted'> {
  const own = onlyPretest(lesson, answers)
  const { correct, total } = scorePretest(lesson, own)
  return {
    lessonId: lesson.id,
    attempt: 1,
    mode,
    answers: answersForRecord(own),
    correct,
    total,
    passed: false,
    phase: 'pre',
  }
}

type QuizRecord = RecordEnvelope<'quiz.submitted'>

/** The member's pre-test of a lesson: the earliest, if two devices each made one. */
export function pretestRecordOf(records: readonly AnyRecord[], lessonId: string): QuizRecord | null {
  let first: QuizRecord | null = null
  for (const r of records)
    if (r.kind === 'quiz.submitted' && r.payload.lessonId === lessonId && quizPhaseOf(r.payload) === 'pre')
      if (!first || r.occurredAt < first.occurredAt || (r.occurredAt === first.occurredAt && r.id < first.id))
        first = r
  return first
}

/** "课前 2/4 → 课后 4/4": right answers on the pre-test's questions before, and in an attempt after. */
export interface BeforeAfter {
  readonly before: number
  readonly after: number
  readonly total: number
}

export function beforeAfter(
  lesson: Lesson,
  records: readonly AnyRecord[],
  after: Answers,
): BeforeAfter | null {
  const pre = pretestRecordOf(records, lesson.id)
  if (!pre || pretestQuestions(lesson).length === 0) return null
  const before = scorePretest(lesson, sanitizeAnswers(lesson.quiz, pre.payload.answers))
  return { before: before.correct, after: scorePretest(lesson, after).correct, total: before.total }
}

export type PretestState =
  | { readonly phase: 'answering'; readonly answers: Answers; readonly problem: SaveProblem | null }
  | { readonly phase: 'submitting'; readonly answers: Answers }
  | { readonly phase: 'done'; readonly correct: number; readonly total: number }

export type PretestAction =
  | { readonly type: 'answer'; readonly questionId: string; readonly answer: Answer }
  | { readonly type: 'submitting' }
  | { readonly type: 'submit-failed'; readonly problem: SaveProblem }
  | { readonly type: 'submitted'; readonly correct: number; readonly total: number }

export const initialPretestState = (draft: PretestDraft | null): PretestState => ({
  phase: 'answering',
  answers: draft?.answers ?? {},
  problem: null,
})

export function pretestReducer(state: PretestState, action: PretestAction): PretestState {
  switch (action.type) {
    case 'answer': {
      if (state.phase !== 'answering') return state
      const answers: Record<string, Answer> = { ...state.answers }
      if (isAnswered(action.answer)) answers[action.questionId] = action.answer
      else delete answers[action.questionId]
      return { phase: 'answering', answers, problem: null }
    }
    case 'submitting':
      return state.phase === 'answering' ? { phase: 'submitting', answers: state.answers } : state
    case 'submit-failed':
      // A failed save never costs the member their answers.
      return state.phase === 'submitting'
        ? { phase: 'answering', answers: state.answers, problem: action.problem }
        : state
    case 'submitted':
      return state.phase === 'submitting'
        ? { phase: 'done', correct: action.correct, total: action.total }
        : state
  }
}
