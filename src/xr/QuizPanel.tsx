import type { Question } from '../domain/content/schema.ts'
import type { Answer } from '../domain/lesson/quiz-scoring.ts'
import { Button3D } from './Button3D.tsx'
import { TEXT_BODY_M, TEXT_TITLE_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'
import { xrStrings } from './ui-strings.ts'

const WIDTH_M = 1.3
const HEIGHT_M = 1.1
const LETTERS = 'ABCDEF'

function choicesOf(q: Question): { id: string; label: string }[] {
  if (q.kind === 'truefalse')
    return [
      { id: 'true', label: xrStrings.trueLabel },
      { id: 'false', label: xrStrings.falseLabel },
    ]
  return q.choices.map((c, i) => ({ id: c.id, label: `${LETTERS[i]}. ${c.text.zh}` }))
}

function isChosen(answer: Answer | undefined, choiceId: string): boolean {
  if (typeof answer === 'boolean') return String(answer) === choiceId
  return answer?.includes(choiceId) ?? false
}

const kindLabel = (q: Question) =>
  q.kind === 'single'
    ? xrStrings.kindSingle
    : q.kind === 'multiple'
      ? xrStrings.kindMultiple
      : xrStrings.kindTrueFalse

/** The linked lesson's quiz in VR: one question at a time, big targets, then the saved result. */
export function QuizPanel() {
  const quiz = useSceneStore((s) => s.quiz)
  const state = useSceneStore((s) => s.quizPanel)
  const attemptsLeft = useSceneStore((s) => s.attemptsLeft)
  const actions = useSceneActions()
  if (!quiz) return null
  const bottom = -HEIGHT_M / 2 + 0.08
  if (state.phase !== 'answering') {
    const { correct, total, passed } = state.result
    return (
      <Panel name="panel:quiz" width={WIDTH_M} height={HEIGHT_M}>
        <Label size={TEXT_TITLE_M} position={[0, 0.3, 0]} color="#b0121b">
          {xrStrings.result(correct, total)}
        </Label>
        <Label size={TEXT_TITLE_M} position={[0, 0.15, 0]}>
          {passed ? xrStrings.passed : xrStrings.notPassed}
        </Label>
        <Label size={TEXT_BODY_M} position={[0, 0, 0]} name="quiz-save-status">
          {state.phase === 'saving' ? xrStrings.saving : xrStrings.saved}
        </Label>
        {state.phase === 'result' && !passed && attemptsLeft > 0 && (
          <Button3D
            id="quiz-retry"
            label={xrStrings.retry}
            onPress={actions.retryQuiz}
            position={[-0.3, bottom, 0]}
          />
        )}
        <Button3D
          id="quiz-close"
          label={xrStrings.close}
          onPress={actions.closeQuiz}
          position={[0.3, bottom, 0]}
        />
      </Panel>
    )
  }
  const question = quiz.questions[state.index]
  if (!question) return null
  const last = state.index === quiz.questions.length - 1
  const unanswered = quiz.questions.filter((q) => state.answers[q.id] === undefined).length
  const choices = choicesOf(question)
  return (
    <Panel name="panel:quiz" width={WIDTH_M} height={HEIGHT_M}>
      <Label size={TEXT_BODY_M} position={[0, HEIGHT_M / 2 - 0.06, 0]} color="#b0121b">
        {[
          xrStrings.quiz,
          xrStrings.questionOf(state.index + 1, quiz.questions.length),
          kindLabel(question),
        ].join(xrStrings.separator)}
      </Label>
      <Label
        size={TEXT_BODY_M}
        position={[0, 0.36, 0]}
        maxWidth={WIDTH_M - 0.12}
        textAlign="left"
        lineHeight={1.4}
      >
        {question.prompt.zh}
      </Label>
      {choices.map((c, i) => (
        <Button3D
          key={c.id}
          id={`choice-${question.id}-${c.id}`}
          label={c.label}
          selected={isChosen(state.answers[question.id], c.id)}
          onPress={() => actions.pick(question.id, c.id)}
          position={[0, 0.2 - i * 0.125, 0]}
          width={WIDTH_M - 0.1}
          height={0.11}
          textSize={0.036}
        />
      ))}
      {attemptsLeft <= 0 && (
        <Label size={TEXT_BODY_M} position={[0, bottom + 0.12, 0]} color="#b0121b">
          {xrStrings.noAttemptsLeft}
        </Label>
      )}
      {state.problem && (
        <Label size={TEXT_BODY_M} position={[0, bottom + 0.12, 0]} color="#b0121b" name="quiz-save-status">
          {xrStrings.saveFailed}
        </Label>
      )}
      <Button3D
        id="quiz-prev"
        label={xrStrings.previous}
        disabled={state.index === 0}
        onPress={() => actions.goToQuestion(state.index - 1)}
        position={[-0.42, bottom, 0]}
        width={0.3}
      />
      {last ? (
        <Button3D
          id="quiz-submit"
          label={unanswered > 0 ? xrStrings.unanswered(unanswered) : xrStrings.submit}
          disabled={unanswered > 0 || attemptsLeft <= 0}
          onPress={() => void actions.submitQuiz()}
          position={[0, bottom, 0]}
          width={0.4}
        />
      ) : (
        <Button3D
          id="quiz-next"
          label={xrStrings.next}
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
