import type { LocalizedText, Question, Quiz } from '../domain/content/schema.ts'
import { choiceLetter, shownChoices } from '../domain/lesson/choice-order.ts'
import type { XrQuizStrings } from './quiz-strings.ts'

/**
 * A question's choices as the VR quiz shows them in an attempt: lettered in that attempt's
 * order, the order the phone shows too, so a class's "B" is the same choice everywhere.
 */
export function choicesOf(
  quiz: Quiz,
  q: Question,
  xrStrings: XrQuizStrings,
  text: (t: LocalizedText) => string,
  attempt: number,
): { id: string; label: string }[] {
  if (q.kind === 'truefalse')
    return [
      { id: 'true', label: xrStrings.trueLabel },
      { id: 'false', label: xrStrings.falseLabel },
    ]
  return shownChoices(quiz, q, attempt).map((c, i) => ({
    id: c.id,
    label: `${choiceLetter(i)}. ${text(c.text)}`,
  }))
}
