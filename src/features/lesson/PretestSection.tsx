import { useEffect, useReducer, useRef } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { pretestQuestions } from '../../domain/lesson/pretest.ts'
import { isAnswered } from '../../domain/lesson/quiz-scoring.ts'
import { useRecords } from '../shell/records-context.tsx'
import { DraftStatusLine } from './DraftStatusLine.tsx'
import type { ReadyLessonData } from './LessonBody.tsx'
import type { StudyMode } from './lesson-mode.ts'
import {
  initialPretestState,
  type PretestDraft,
  pretestDraftKey,
  pretestPayload,
  pretestReducer,
} from './pretest-flow.ts'
import { usePretestStrings } from './pretest-strings.ts'
import { QuizQuestion } from './QuizQuestion.tsx'
import { pickChoice } from './quiz-flow.ts'
import { saveProblemOf } from './save-problem.ts'
import { useDraftSaver } from './useDraftSaver.ts'

const HEADING_ID = 'lesson-pretest-title'
const SKIP_HINT_ID = 'lesson-pretest-skip-hint'

/**
 * The pre-test (课前小测) before the lesson: the questions the lesson names, autosaved like the
 * quiz, submitted as `quiz.submitted` with phase 'pre' through the record log (which removes the
 * draft in the same transaction). No verdicts or explanations before the lesson: the quiz
 * after it asks the same questions and explains them. "跳过" leaves no record.
 */
export function PretestSection({
  lesson,
  data,
  mode,
  draft,
  focusFirst,
  onSkip,
  onDone,
}: {
  lesson: Lesson
  data: ReadyLessonData
  mode: StudyMode
  draft: PretestDraft | null
  /** Whether to focus the heading on mount, as after the member's own move (choosing remote study). */
  focusFirst: boolean
  onSkip: () => Promise<void>
  onDone: () => void
}) {
  const p = usePretestStrings()
  const { append } = useRecords()
  const questions = pretestQuestions(lesson)
  const [state, dispatch] = useReducer(pretestReducer, draft, initialPretestState)
  const { saver, status } = useDraftSaver<PretestDraft>(
    data.log,
    data.member.memberId,
    pretestDraftKey(lesson.id),
    0,
  )
  const heading = useRef<HTMLHeadingElement>(null)
  const moveFocus = useRef(focusFirst)
  const answeredNow =
    state.phase === 'done' ? 0 : questions.filter((q) => isAnswered(state.answers[q.id])).length

  // On mount after the member's own move, and after a submit: focus the top, where the outcome is.
  const phase = state.phase
  useEffect(() => {
    if (!moveFocus.current || phase === 'submitting') return
    moveFocus.current = false
    heading.current?.focus({ preventScroll: true })
    heading.current?.scrollIntoView({ block: 'nearest' })
  }, [phase])

  const pick = (questionIndex: number, choiceId: string) => {
    const question = questions[questionIndex]
    if (state.phase !== 'answering' || !question) return
    const action = {
      type: 'answer',
      questionId: question.id,
      answer: pickChoice(question, state.answers[question.id], choiceId),
    } as const
    const next = pretestReducer(state, action)
    dispatch(action)
    if (next.phase === 'answering')
      saver.change(Object.keys(next.answers).length > 0 ? { v: 1, mode, answers: next.answers } : null)
  }

  const submit = async () => {
    if (state.phase !== 'answering') return
    dispatch({ type: 'submitting' })
    // Every answer lands before the record's transaction removes the draft (as in the quiz).
    await saver.flush()
    const payload = pretestPayload(lesson, mode, state.answers)
    try {
      await append('quiz.submitted', payload, { clearsDraft: pretestDraftKey(lesson.id) })
    } catch (e) {
      return dispatch({ type: 'submit-failed', problem: saveProblemOf(e) })
    }
    moveFocus.current = true
    dispatch({ type: 'submitted', correct: payload.correct, total: payload.total })
  }

  const skip = async () => {
    saver.change(null)
    await saver.flush()
    await onSkip()
  }

  return (
    <section className="lesson-pretest" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} ref={heading} tabIndex={-1}>
        {p.title}
      </h2>
      {state.phase === 'done' ? (
        <>
          <p role="status" className="lesson-saved">
            {p.saved(state.correct, state.total)}
          </p>
          <button type="button" className="lesson-primary lesson-wide" onClick={onDone}>
            {p.startLesson}
          </button>
        </>
      ) : (
        <>
          <p>{p.intro(questions.length)}</p>
          {draft && state.phase === 'answering' && answeredNow > 0 && (
            <p className="lesson-restored">{p.restored(Object.keys(draft.answers).length)}</p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void submit()
            }}
          >
            <fieldset className="lesson-plain" disabled={state.phase === 'submitting'}>
              {questions.map((q, i) => (
                <QuizQuestion
                  key={q.id}
                  quiz={lesson.quiz}
                  question={q}
                  number={i + 1}
                  answer={state.answers[q.id]}
                  groupName={`${lesson.id}-pre-${q.id}`}
                  onPick={(choiceId) => pick(i, choiceId)}
                />
              ))}
            </fieldset>
            <p className="lesson-progress">{p.answered(answeredNow, questions.length)}</p>
            <DraftStatusLine
              status={status}
              visible={answeredNow > 0}
              submitProblem={state.phase === 'answering' ? state.problem : null}
            />
            <button
              type="submit"
              className="lesson-primary lesson-wide"
              disabled={state.phase === 'submitting'}
            >
              {state.phase === 'submitting' ? p.submitting : p.submit}
            </button>
          </form>
          <div className="lesson-actions">
            <button
              type="button"
              aria-describedby={SKIP_HINT_ID}
              onClick={() => void skip()}
              disabled={state.phase === 'submitting'}
            >
              {p.skip}
            </button>
            <p id={SKIP_HINT_ID} className="hint">
              {p.skipHint}
            </p>
          </div>
        </>
      )}
    </section>
  )
}
