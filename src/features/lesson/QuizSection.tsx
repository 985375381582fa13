import { useEffect, useReducer, useRef, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { attemptsLeft, isAnswered, scoreQuiz } from '../../domain/lesson/quiz-scoring.ts'
import { useRecords } from '../shell/records-context.tsx'
import { DraftStatusLine } from './DraftStatusLine.tsx'
import { answeredCount, type QuizDraft, quizDraftKey } from './drafts.ts'
import type { ReadyLessonData } from './LessonBody.tsx'
import type { StudyMode } from './lesson-mode.ts'
import { attemptFromRecord, latestQuizRecord } from './lesson-records.ts'
import { type BeforeAfter, beforeAfter } from './pretest-flow.ts'
import { usePretestStrings } from './pretest-strings.ts'
import { QuizQuestion } from './QuizQuestion.tsx'
import { type CompletionState, QuizResult } from './QuizResult.tsx'
import {
  answersForRecord,
  initialQuizState,
  needsConfirmation,
  pickChoice,
  questionsNeededToPass,
  quizReducer,
  type SubmittedAttempt,
} from './quiz-flow.ts'
import { saveProblemOf } from './save-problem.ts'
import { useLessonStrings } from './strings.ts'
import { useDraftSaver } from './useDraftSaver.ts'

/**
 * The quiz: answers autosaved on every change; submitting writes `quiz.submitted` (which removes
 * the draft in the same transaction) and, on a pass, `lesson.completed`. "Saved" is said only
 * after those writes have committed.
 */
export function QuizSection({
  lesson,
  data,
  mode,
  headingId,
  onReflect,
}: {
  lesson: Lesson
  data: ReadyLessonData
  mode: StudyMode
  headingId: string
  onReflect: () => void
}) {
  const s = useLessonStrings()
  const p = usePretestStrings()
  const comparisonLine = (c: BeforeAfter | null) => c && p.beforeAfter(c.before, c.after, c.total)
  const { append } = useRecords()
  const quiz = lesson.quiz
  const [state, dispatch] = useReducer(quizReducer, null, () => {
    const latest = latestQuizRecord(data.records, lesson.id)
    return initialQuizState(quiz, data.drafts.quiz, latest && attemptFromRecord(quiz, latest))
  })
  const { saver, status } = useDraftSaver<QuizDraft>(
    data.log,
    data.member.memberId,
    quizDraftKey(lesson.id),
    0,
  )
  const [completion, setCompletion] = useState<CompletionState | null>(null)
  // Attempts in the log, or submitted here if the log's list has not caught up yet: a quick
  // retry must never reuse an attempt number.
  const [submittedHere, setSubmittedHere] = useState(0)
  const used = Math.max(data.progress.lessons.get(lesson.id)?.attempts ?? 0, submittedHere)
  const heading = useRef<HTMLHeadingElement>(null)
  const focusHeading = useRef(false)

  // After a submit or a retry the member is taken to the top of the quiz, where the outcome is.
  const phase = state.phase
  useEffect(() => {
    if (!focusHeading.current || phase === 'submitting') return
    focusHeading.current = false
    heading.current?.focus({ preventScroll: true })
    heading.current?.scrollIntoView({ block: 'nearest' })
  }, [phase])

  const pick = (questionIndex: number, choiceId: string) => {
    const question = quiz.questions[questionIndex]
    if (state.phase !== 'answering' || !question) return
    const action = {
      type: 'answer',
      questionId: question.id,
      answer: pickChoice(question, state.answers[question.id], choiceId),
    } as const
    const next = quizReducer(state, action)
    dispatch(action)
    if (next.phase === 'answering')
      saver.change(answeredCount(quiz, next.answers) > 0 ? { v: 1, mode, answers: next.answers } : null)
  }

  const complete = async (attempt: SubmittedAttempt) => {
    setCompletion({ recordId: attempt.recordId, state: 'saving' })
    try {
      await append(
        'lesson.completed',
        {
          lessonId: lesson.id,
          siteId: lesson.site,
          mode: attempt.mode,
          score: attempt.result.share,
          quizRecordId: attempt.recordId,
        },
        {},
      )
      setCompletion({ recordId: attempt.recordId, state: 'saved' })
    } catch (e) {
      setCompletion({ recordId: attempt.recordId, state: saveProblemOf(e) })
    }
  }

  const submit = async () => {
    if (state.phase !== 'answering') return
    const unanswered = needsConfirmation(quiz, state)
    if (unanswered > 0) return dispatch({ type: 'ask-confirm', unanswered })
    const { answers } = state
    dispatch({ type: 'submitting' })
    // Every answer change lands before the record's transaction, which then removes the draft;
    // a draft write queued after it would bring the submitted quiz back as "unfinished".
    await saver.flush()
    const result = scoreQuiz(quiz, answers)
    const attempt = used + 1
    let recordId: string
    try {
      const record = await append(
        'quiz.submitted',
        {
          lessonId: lesson.id,
          attempt,
          mode,
          answers: answersForRecord(answers),
          correct: result.correct,
          total: result.total,
          passed: result.passed,
        },
        { clearsDraft: quizDraftKey(lesson.id) },
      )
      recordId = record.id
    } catch (e) {
      return dispatch({ type: 'submit-failed', problem: saveProblemOf(e) })
    }
    const submitted: SubmittedAttempt = { recordId, attempt, mode, answers, result }
    setSubmittedHere(attempt)
    focusHeading.current = true
    dispatch({ type: 'submitted', attempt: submitted })
    if (result.passed) await complete(submitted)
  }

  // The confirmation replaces the submit button under the member's finger: focus goes to it,
  // and on "继续答题" to the first unanswered question, so focus never drops to the page.
  const confirm = useRef<HTMLDivElement>(null)
  const asking = state.phase === 'answering' && state.confirmUnanswered > 0
  useEffect(() => {
    if (asking) confirm.current?.focus()
  }, [asking])
  const keepAnswering = () => {
    if (state.phase !== 'answering') return
    dispatch({ type: 'cancel-confirm' })
    const open = quiz.questions.find((q) => !isAnswered(state.answers[q.id]))
    if (open) document.querySelector<HTMLInputElement>(`input[name="${lesson.id}-${open.id}"]`)?.focus()
  }

  const retry = () => {
    focusHeading.current = true
    dispatch({ type: 'retry' })
  }

  const left = attemptsLeft(quiz, used)
  return (
    <section className="lesson-quiz" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {s.partQuiz}
      </h2>
      {state.phase === 'result' ? (
        <QuizResult
          quiz={quiz}
          attempt={state.attempt}
          justSaved={state.justSaved}
          records={data.records}
          completion={completion?.recordId === state.attempt.recordId ? completion : null}
          attemptsLeft={left}
          hasPassed={data.progress.lessons.get(lesson.id)?.passedAttempt ?? false}
          onSaveCompletion={() => void complete(state.attempt)}
          onRetry={retry}
          onReflect={onReflect}
          comparison={comparisonLine(beforeAfter(lesson, data.records, state.attempt.answers))}
        />
      ) : (
        <>
          <p>{s.quizIntro(quiz.questions.length, questionsNeededToPass(quiz), quiz.passMark)}</p>
          <p className="meta">{s.attemptsInfo(used, quiz.maxAttempts)}</p>
          {used > 0 && left > 0 && <p className="lesson-new-order">{s.newChoiceOrder}</p>}
          {state.phase === 'answering' && state.restoredCount > 0 && (
            <p className="lesson-restored" role="status">
              {s.restored(state.restoredCount)}
            </p>
          )}
          {left === 0 ? (
            <p className="notice">{s.attemptsUsedUp(quiz.maxAttempts)}</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                void submit()
              }}
            >
              <fieldset className="lesson-plain" disabled={state.phase === 'submitting'}>
                {quiz.questions.map((q, i) => (
                  <QuizQuestion
                    key={q.id}
                    quiz={quiz}
                    question={q}
                    number={i + 1}
                    answer={state.answers[q.id]}
                    groupName={`${lesson.id}-${q.id}`}
                    onPick={(choiceId) => pick(i, choiceId)}
                    attempt={used + 1}
                  />
                ))}
              </fieldset>
              <p className="lesson-progress">
                {s.answered(answeredCount(quiz, state.answers), quiz.questions.length)}
              </p>
              <DraftStatusLine
                status={status}
                visible={answeredCount(quiz, state.answers) > 0}
                submitProblem={state.phase === 'answering' ? state.problem : null}
              />
              {state.phase === 'answering' && state.confirmUnanswered > 0 ? (
                <div className="lesson-confirm" role="alert" ref={confirm} tabIndex={-1}>
                  <p>{s.confirmUnanswered(state.confirmUnanswered)}</p>
                  <div className="lesson-actions">
                    <button type="submit" className="lesson-primary">
                      {s.confirmSubmit}
                    </button>
                    <button type="button" onClick={keepAnswering}>
                      {s.keepAnswering}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="submit"
                  className="lesson-primary lesson-wide"
                  disabled={state.phase === 'submitting'}
                >
                  {state.phase === 'submitting' ? s.submitting : s.submitQuiz}
                </button>
              )}
            </form>
          )}
        </>
      )}
    </section>
  )
}
