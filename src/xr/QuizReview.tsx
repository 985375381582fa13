import { useMemo } from 'react'
import type { Quiz } from '../domain/content/schema.ts'
import { isChosen, rightAnswer } from '../domain/lesson/quiz-scoring.ts'
import { Button3D } from './Button3D.tsx'
import { textBlockHeight } from './canvas-text.ts'
import { TEXT_BODY_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { choicesOf } from './quiz-choices.ts'
import { reviewLayout } from './quiz-layout.ts'
import type { QuizPanelState } from './quiz-state.ts'
import { useQuizStrings } from './quiz-strings.ts'
import { useXrText } from './use-xr-text.ts'

const WIDTH_M = 1.3
const TEXT_WIDTH_M = WIDTH_M - 0.12
const LINE_HEIGHT = 1.4

/**
 * One page of the answer review in VR (review-pages.ts): the question, what the member
 * chose, the right answer and its explanation, as the lesson page shows them once they may be
 * shown. Choices are lettered as the reviewed attempt showed them.
 */
export function QuizReview({
  quiz,
  state,
  pages,
  page,
  onTurn,
  onBack,
}: {
  quiz: Quiz
  state: Extract<QuizPanelState, { phase: 'result' }>
  /** The questions reviewed (review-pages.ts), and the one shown. */
  pages: readonly number[]
  page: number
  onTurn: (step: number) => void
  onBack: () => void
}) {
  const { s, text } = useXrText()
  const r = useQuizStrings()
  const index = pages[page] ?? 0
  const question = quiz.questions[index]
  const correct = state.result.questions[index]?.correct ?? false
  const blocks = useMemo(() => {
    if (!question) return []
    const choices = choicesOf(quiz, question, r, text, state.attempt)
    const labels = (answer: Parameters<typeof isChosen>[0]) =>
      choices
        .filter((c) => isChosen(answer, c.id))
        .map((c) => c.label)
        .join(r.listSeparator)
    return [
      `${(correct ? r.reviewRight : r.reviewWrong)(index + 1)}${s.separator}${r.reviewPageOf(page + 1, pages.length)}`,
      text(question.prompt),
      `${r.yourAnswer}${labels(state.answers[question.id])}`,
      `${r.correctAnswer}${labels(rightAnswer(question))}`,
      `${r.explanation}${text(question.explanation)}`,
    ]
  }, [quiz, question, s, r, text, state, correct, index, page, pages])
  const layout = useMemo(
    () =>
      reviewLayout(
        blocks.map((b) =>
          textBlockHeight(b, { size: TEXT_BODY_M, maxWidth: TEXT_WIDTH_M, lineHeight: LINE_HEIGHT }),
        ),
      ),
    [blocks],
  )
  if (!question) return null
  const names = [
    'quiz-review-heading',
    'quiz-review-prompt',
    'quiz-review-given',
    'quiz-review-right',
    'quiz-review-why',
  ]
  return (
    <Panel name="panel:quiz" width={WIDTH_M} height={layout.height}>
      {blocks.map((b, i) => (
        <Label
          key={names[i]}
          name={names[i]}
          size={TEXT_BODY_M}
          // The heading centred like the quiz's; the rest flush left, one column to read down.
          position={[i === 0 ? 0 : -TEXT_WIDTH_M / 2, layout.tops[i] ?? 0, 0]}
          anchorX={i === 0 ? 'center' : 'left'}
          anchorY="top"
          maxWidth={TEXT_WIDTH_M}
          textAlign="left"
          lineHeight={LINE_HEIGHT}
          color={i === 0 ? '#b0121b' : undefined}
        >
          {b}
        </Label>
      ))}
      <Button3D
        id="review-prev"
        label={r.previous}
        disabled={page === 0}
        onPress={() => onTurn(-1)}
        position={[-0.42, layout.buttonsY, 0]}
        width={0.3}
      />
      <Button3D
        id="review-back"
        label={r.backToResult}
        onPress={onBack}
        position={[0, layout.buttonsY, 0]}
        width={0.4}
      />
      <Button3D
        id="review-next"
        label={r.next}
        disabled={page === pages.length - 1}
        onPress={() => onTurn(1)}
        position={[0.42, layout.buttonsY, 0]}
        width={0.3}
      />
    </Panel>
  )
}
