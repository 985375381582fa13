import { use, useMemo, useState } from 'react'
import type { Question } from '../domain/content/schema.ts'
import { isChosen } from '../domain/lesson/quiz-scoring.ts'
import { resultReview } from '../domain/lesson/result-review.ts'
import { Button3D } from './Button3D.tsx'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { TEXT_BODY_M, TEXT_TITLE_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { QuizReview } from './QuizReview.tsx'
import { choicesOf } from './quiz-choices.ts'
import { buttonRowCentres, QUIZ_MIN_HEIGHT_M, quizLayout } from './quiz-layout.ts'
import { useQuizStrings, type XrQuizStrings } from './quiz-strings.ts'
import { reviewPages, turnPage } from './review-pages.ts'
import { useSceneActions, useSceneStore } from './scene-store.ts'
import { useXrText } from './use-xr-text.ts'

const WIDTH_M = 1.3
const PROMPT_MAX_WIDTH_M = WIDTH_M - 0.12
const PROMPT_LINE_HEIGHT = 1.4
const CHOICE_WIDTH_M = WIDTH_M - 0.1
const CHOICE_TEXT_M = 0.036
/** Button3D's label: its default line height, inside the plate's margins. */
const CHOICE_LINE_HEIGHT = 1.2
const CHOICE_TEXT_WIDTH_M = CHOICE_WIDTH_M - 0.03

/** The result's buttons, side by side in one row (quiz-layout.ts buttonRowCentres). */
function ButtonRow({
  y,
  buttons,
}: {
  y: number
  buttons: readonly { id: string; label: string; width: number; onPress: () => void }[]
}) {
  const centres = buttonRowCentres(buttons.map((b) => b.width))
  return buttons.map((b, i) => (
    <Button3D
      key={b.id}
      id={b.id}
      label={b.label}
      onPress={b.onPress}
      position={[centres[i] ?? 0, y, 0]}
      width={b.width}
    />
  ))
}

const kindLabel = (question: Question, q: XrQuizStrings) =>
  question.kind === 'single' ? q.kindSingle : question.kind === 'multiple' ? q.kindMultiple : q.kindTrueFalse

/**
 * The linked lesson's quiz in VR: one question at a time, big targets, then the saved result:
 * the score and which questions were wrong; the right answers and explanations only once they
 * may be shown (result-review.ts), in a review one question per page (QuizReview.tsx).
 */
export function QuizPanel() {
  const quiz = useSceneStore((s) => s.quiz)
  const state = useSceneStore((s) => s.quizPanel)
  const attemptsLeft = useSceneStore((s) => s.attemptsLeft)
  const attempt = useSceneStore((s) => s.attemptsUsed) + 1
  const passedBefore = useSceneStore((s) => s.quizPassed)
  const actions = useSceneActions()
  /** The answer review's page, while the member reads it (null: the result). */
  const [reviewPage, setReviewPage] = useState<number | null>(null)
  const { s: xrStrings, text } = useXrText()
  const q = useQuizStrings()
  use(loadXrFont())
  const question = quiz?.questions[state.index]
  const prompt = question ? text(question.prompt) : ''
  const choices = useMemo(
    () => (quiz && question ? choicesOf(quiz, question, q, text, attempt) : []),
    [quiz, question, q, text, attempt],
  )
  const layout = useMemo(
    () =>
      quizLayout(
        textBlockHeight(prompt, {
          size: TEXT_BODY_M,
          maxWidth: PROMPT_MAX_WIDTH_M,
          lineHeight: PROMPT_LINE_HEIGHT,
        }),
        choices.map((c) =>
          textBlockHeight(c.label, {
            size: CHOICE_TEXT_M,
            maxWidth: CHOICE_TEXT_WIDTH_M,
            lineHeight: CHOICE_LINE_HEIGHT,
          }),
        ),
      ),
    [prompt, choices],
  )
  if (!quiz) return null
  const panelHeight = state.phase === 'answering' ? layout.height : QUIZ_MIN_HEIGHT_M
  const bottom = -panelHeight / 2 + 0.08
  if (state.phase !== 'answering') {
    const { correct, total, passed } = state.result
    const wrong = state.result.questions.flatMap((q, i) => (q.correct ? [] : [i + 1]))
    const review = resultReview(passed || passedBefore, attemptsLeft)
    if (state.phase === 'result' && review.show === 'answers' && reviewPage !== null) {
      const pages = reviewPages(state.result)
      return (
        <QuizReview
          quiz={quiz}
          state={state}
          pages={pages}
          page={reviewPage}
          onTurn={(step) => setReviewPage(turnPage(reviewPage, step, pages.length))}
          onBack={() => setReviewPage(null)}
        />
      )
    }
    return (
      <Panel name="panel:quiz" width={WIDTH_M} height={panelHeight}>
        <Label size={TEXT_TITLE_M} position={[0, 0.3, 0]} color="#b0121b">
          {q.result(correct, total)}
        </Label>
        <Label size={TEXT_TITLE_M} position={[0, 0.15, 0]}>
          {passed ? q.passed : q.notPassed}
        </Label>
        <Label size={TEXT_BODY_M} position={[0, 0, 0]} name="quiz-save-status">
          {state.phase === 'saving' ? xrStrings.saving : xrStrings.saved}
        </Label>
        {wrong.length > 0 && (
          <Label size={TEXT_BODY_M} position={[0, -0.13, 0]} maxWidth={PROMPT_MAX_WIDTH_M} name="quiz-wrong">
            {q.wrongQuestions(wrong.join(q.listSeparator))}
          </Label>
        )}
        {state.phase === 'result' && review.show === 'marks' && (
          <Label size={TEXT_BODY_M} position={[0, -0.25, 0]} maxWidth={PROMPT_MAX_WIDTH_M}>
            {Number.isFinite(attemptsLeft) ? q.attemptsLeftHint(attemptsLeft) : q.thinkAgain}
          </Label>
        )}
        <ButtonRow
          y={bottom}
          buttons={[
            ...(state.phase === 'result' && review.show === 'answers'
              ? [
                  {
                    id: 'quiz-review',
                    label: q.reviewAnswers,
                    width: 0.5,
                    onPress: () => setReviewPage(0),
                  },
                ]
              : []),
            ...(state.phase === 'result' && !passed && attemptsLeft > 0
              ? [
                  {
                    id: 'quiz-retry',
                    label: q.retry,
                    width: 0.3,
                    onPress: () => {
                      setReviewPage(null)
                      actions.retryQuiz()
                    },
                  },
                ]
              : []),
            { id: 'quiz-close', label: xrStrings.close, width: 0.3, onPress: actions.closeQuiz },
          ]}
        />
      </Panel>
    )
  }
  if (!question) return null
  const last = state.index === quiz.questions.length - 1
  const unanswered = quiz.questions.filter((q) => state.answers[q.id] === undefined).length
  return (
    <Panel name="panel:quiz" width={WIDTH_M} height={panelHeight}>
      <Label size={TEXT_BODY_M} position={[0, layout.headerY, 0]} color="#b0121b">
        {[xrStrings.quiz, q.questionOf(state.index + 1, quiz.questions.length), kindLabel(question, q)].join(
          xrStrings.separator,
        )}
      </Label>
      <Label
        size={TEXT_BODY_M}
        position={[0, layout.promptTopY, 0]}
        anchorY="top"
        maxWidth={PROMPT_MAX_WIDTH_M}
        textAlign="left"
        lineHeight={PROMPT_LINE_HEIGHT}
      >
        {prompt}
      </Label>
      {choices.map((c, i) => (
        <Button3D
          key={c.id}
          id={`choice-${question.id}-${c.id}`}
          label={c.label}
          selected={isChosen(state.answers[question.id], c.id)}
          onPress={() => actions.pick(question.id, c.id)}
          position={[0, layout.choices[i]?.y ?? 0, 0]}
          width={CHOICE_WIDTH_M}
          height={layout.choices[i]?.height ?? 0.11}
          textSize={CHOICE_TEXT_M}
        />
      ))}
      {attemptsLeft <= 0 && (
        <Label size={TEXT_BODY_M} position={[0, layout.statusY, 0]} color="#b0121b">
          {q.noAttemptsLeft}
        </Label>
      )}
      {state.problem && (
        <Label size={TEXT_BODY_M} position={[0, layout.statusY, 0]} color="#b0121b" name="quiz-save-status">
          {xrStrings.saveFailed}
        </Label>
      )}
      <Button3D
        id="quiz-prev"
        label={q.previous}
        disabled={state.index === 0}
        onPress={() => actions.goToQuestion(state.index - 1)}
        position={[-0.42, bottom, 0]}
        width={0.3}
      />
      {last ? (
        <Button3D
          id="quiz-submit"
          label={unanswered > 0 ? q.unanswered(unanswered) : q.submit}
          disabled={unanswered > 0 || attemptsLeft <= 0}
          onPress={() => void actions.submitQuiz()}
          position={[0, bottom, 0]}
          width={0.4}
        />
      ) : (
        <Button3D
          id="quiz-next"
          label={q.next}
          onPress={() => actions.goToQuestion(state.index + 1)}
          position={[0, bottom, 0]}
          width={0.3}
        />
      )}
      <Button3D
        id="quiz-close"
        label={xrStrings.close}
        onPress={actions.closeQuiz}
        position={[0.42, bottom, 0]}
        width={0.3}
      />
    </Panel>
  )
}
