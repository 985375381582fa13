import type { Question, Quiz } from '../../domain/content/schema.ts'
import { choiceLetter, shownChoices } from '../../domain/lesson/choice-order.ts'
import { type Answer, isChosen } from '../../domain/lesson/quiz-scoring.ts'
import { Localized, useLocalizedString } from '../../i18n/i18n.tsx'
import { type LessonStrings, useLessonStrings } from './strings.ts'

export interface ChoiceView {
  readonly id: string
  /** A, B, C…: members and trainers talk about "选 A". */
  readonly letter?: string
  readonly label: string
}

/**
 * The choices of a quiz's question as shown in attempt `attempt` (see shownChoices); a true/false
 * question has 正确 and 错误.
 */
export function choicesOf(
  quiz: Quiz,
  q: Question,
  s: LessonStrings,
  text: ReturnType<typeof useLocalizedString>,
  attempt = 1,
): ChoiceView[] {
  if (q.kind === 'truefalse')
    return [
      { id: 'true', label: s.trueLabel },
      { id: 'false', label: s.falseLabel },
    ]
  return shownChoices(quiz, q, attempt).map((c, i) => ({
    id: c.id,
    letter: choiceLetter(i),
    label: text(c.text),
  }))
}

export const choiceText = (c: ChoiceView) => (c.letter ? `${c.letter}. ${c.label}` : c.label)

/** One question while answering: radios for single choice and true/false, checkboxes for 多选. */
export function QuizQuestion({
  quiz,
  question,
  number,
  answer,
  groupName,
  onPick,
  attempt = 1,
}: {
  /** The quiz the question is from: it sets the order of the choices, with the attempt's number. */
  quiz: Quiz
  question: Question
  number: number
  answer: Answer | undefined
  /** Unique in the page, so two lessons' radios never share a group. */
  groupName: string
  onPick: (choiceId: string) => void
  /** Which attempt this is (1, 2…): each attempt shows the choices in its own order. */
  attempt?: number
}) {
  const s = useLessonStrings()
  const text = useLocalizedString()
  const type = question.kind === 'multiple' ? 'checkbox' : 'radio'
  return (
    <fieldset className="lesson-question">
      <legend>
        <span className="lesson-question-number">{s.questionLabel(number, question.kind)}</span>
        <Localized text={question.prompt} />
      </legend>
      <div className="lesson-choices">
        {choicesOf(quiz, question, s, text, attempt).map((c) => (
          <label key={c.id} className="lesson-choice">
            <input
              type={type}
              name={groupName}
              value={c.id}
              checked={isChosen(answer, c.id)}
              onChange={() => onPick(c.id)}
            />
            <span>{choiceText(c)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
