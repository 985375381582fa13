import type { Question, Quiz } from '../../domain/content/schema.ts'
import { type Answer, isChosen, rightAnswer } from '../../domain/lesson/quiz-scoring.ts'
import { resultReview } from '../../domain/lesson/result-review.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import { Localized, useLocalizedString } from '../../i18n/i18n.tsx'
import { completionFor } from './lesson-records.ts'
import { choicesOf, choiceText } from './QuizQuestion.tsx'
import type { SaveProblem, SubmittedAttempt } from './quiz-flow.ts'
import { useLessonStrings } from './strings.ts'

/** The write of `lesson.completed` for a passing attempt, as this screen last tried it. */
export interface CompletionState {
  readonly recordId: string
  readonly state: 'saving' | 'saved' | SaveProblem
}

/**
 * An attempt's result: score and verdict against the pass mark, whether the lesson is now
 * complete, what is left of the retry rule, and each question marked right or wrong; the right
 * answers and explanations only once the member has passed or has no attempt left
 * (result-review.ts).
 */
export function QuizResult({
  quiz,
  attempt,
  justSaved,
  records,
  completion,
  attemptsLeft,
  hasPassed,
  onSaveCompletion,
  onRetry,
  onReflect,
  comparison = null,
}: {
  quiz: Quiz
  attempt: SubmittedAttempt
  justSaved: boolean
  records: readonly AnyRecord[]
  completion: CompletionState | null
  attemptsLeft: number
  /** Whether this attempt or an earlier one passed the quiz. */
  hasPassed: boolean
  onSaveCompletion: () => void
  onRetry: () => void
  onReflect: () => void
  /** The pre-test's before/after line ("课前 2/4 → 课后 4/4"), when the member took one. */
  comparison?: string | null
}) {
  const s = useLessonStrings()
  const { result } = attempt
  // The log is the truth; the local state only covers the moment before the list catches up.
  const stored = completionFor(records, attempt.recordId)
  const completionNow = stored || completion?.state === 'saved' ? 'saved' : (completion?.state ?? 'missing')
  const completionProblem = result.passed && completionNow !== 'saved' && completionNow !== 'saving'
  const review = resultReview(hasPassed || result.passed, attemptsLeft)

  return (
    <>
      <h3>{s.resultTitle(attempt.attempt)}</h3>
      <p className={result.passed ? 'lesson-score lesson-passed' : 'lesson-score lesson-failed'}>
        {s.resultScore(result.correct, result.total, result.share)}{' '}
        <strong>{result.passed ? s.passed : s.failed(quiz.passMark)}</strong>
      </p>
      {comparison && <p className="lesson-before-after">{comparison}</p>}
      <div role="status" className="lesson-saved">
        {justSaved && (!result.passed || completionNow === 'saved') && s.saved}
        {result.passed &&
          completionNow === 'saved' &&
          ` ${s.completed(stored?.payload.mode ?? attempt.mode)}`}
        {result.passed && completionNow === 'saving' && s.completionSaving}
      </div>
      {completionProblem && (
        <div className="lesson-problem" role="alert">
          <p>
            {s.completionMissing} {completionNow === 'storage-full' && s.storageFullShort}
          </p>
          <button type="button" onClick={onSaveCompletion}>
            {s.saveCompletion}
          </button>
        </div>
      )}
      {attemptsLeft > 0 ? (
        <div className="lesson-actions">
          {Number.isFinite(attemptsLeft) && <p className="lesson-attempts">{s.attemptsLeft(attemptsLeft)}</p>}
          {review.show === 'marks' && (
            <p className="lesson-held-back">{s.answersHeldBack(review.answersAfter)}</p>
          )}
          <button type="button" onClick={onRetry}>
            {s.retry}
          </button>
        </div>
      ) : (
        <p className="notice">{s.attemptsUsedUp(quiz.maxAttempts)}</p>
      )}
      <ol className="lesson-review">
        {quiz.questions.map((q, i) => (
          <QuestionReview
            key={q.id}
            quiz={quiz}
            question={q}
            number={i + 1}
            answer={attempt.answers[q.id]}
            correct={result.questions[i]?.correct ?? false}
            attempt={attempt.attempt}
            showAnswer={review.show === 'answers'}
          />
        ))}
      </ol>
      <button type="button" className="lesson-primary lesson-wide" onClick={onReflect}>
        {s.toReflection}
      </button>
    </>
  )
}

function QuestionReview({
  quiz,
  question,
  number,
  answer,
  correct,
  attempt,
  showAnswer,
}: {
  quiz: Quiz
  question: Question
  number: number
  answer: Answer | undefined
  correct: boolean
  /** The attempt reviewed: its choices are shown in the order the member answered them in. */
  attempt: number
  /** The right answer and the explanation; false while they would give the answer away. */
  showAnswer: boolean
}) {
  const s = useLessonStrings()
  const text = useLocalizedString()
  const choices = choicesOf(quiz, question, s, text, attempt)
  const given = choices.filter((c) => isChosen(answer, c.id)).map(choiceText)
  const right = choices.filter((c) => isChosen(rightAnswer(question), c.id)).map(choiceText)
  const verdict = correct ? s.verdictRight : given.length === 0 ? s.verdictUnanswered : s.verdictWrong
  return (
    <li className={correct ? 'lesson-review-item lesson-right' : 'lesson-review-item lesson-wrong'}>
      <p className="lesson-question-number">
        {s.questionNumber(number)} · <strong>{verdict}</strong>
      </p>
      <p>
        <Localized text={question.prompt} />
      </p>
      <p>
        {s.yourAnswer}
        {given.length > 0 ? given.join(s.listSeparator) : s.noAnswer}
      </p>
      {showAnswer && (
        <>
          <p>
            {s.correctAnswer}
            {right.join(s.listSeparator)}
          </p>
          <p className="lesson-explanation">
            {s.explanation}
            <Localized text={question.explanation} />
          </p>
        </>
      )}
    </li>
  )
}
