/**
 * Where a quiz question's parts sit on its panel, top to bottom: the header line, the prompt,
 * the choices (each button as tall as its text), a status line, the row of buttons. Pure: the
 * text heights are measured by the caller (canvas-text.ts textBlockHeight). A short Chinese
 * question keeps the panel at its usual size; a long one, or the same in English, makes the
 * panel and its buttons taller instead of running text over the choices. Metres, y up, the
 * panel's centre at 0.
 */
export interface QuizLayout {
  readonly height: number
  readonly headerY: number
  /** The prompt's top edge. */
  readonly promptTopY: number
  /** Each choice button's centre and height. */
  readonly choices: readonly { readonly y: number; readonly height: number }[]
  readonly statusY: number
  readonly buttonsY: number
}

export const QUIZ_MIN_HEIGHT_M = 1.1
const EDGE_TO_HEADER_M = 0.06
const HEADER_TO_PROMPT_M = 0.06
const PROMPT_TO_CHOICES_M = 0.04
const CHOICE_GAP_M = 0.015
const CHOICE_MIN_HEIGHT_M = 0.11
const CHOICE_PADDING_M = 0.04
/** Below the choices: a status line, then the buttons' row at 0.08 from the bottom edge. */
const CHOICES_TO_BOTTOM_M = 0.3
const BUTTONS_FROM_EDGE_M = 0.08
const STATUS_ABOVE_BUTTONS_M = 0.12

export function quizLayout(promptHeight: number, choiceTextHeights: readonly number[]): QuizLayout {
  const choiceHeights = choiceTextHeights.map((h) => Math.max(CHOICE_MIN_HEIGHT_M, h + CHOICE_PADDING_M))
  const choicesHeight =
    choiceHeights.reduce((a, b) => a + b, 0) + CHOICE_GAP_M * Math.max(0, choiceHeights.length - 1)
  const content =
    EDGE_TO_HEADER_M +
    HEADER_TO_PROMPT_M +
    promptHeight +
    PROMPT_TO_CHOICES_M +
    choicesHeight +
    CHOICES_TO_BOTTOM_M
  const height = Math.max(QUIZ_MIN_HEIGHT_M, content)
  const top = height / 2
  const promptTopY = top - EDGE_TO_HEADER_M - HEADER_TO_PROMPT_M
  let y = promptTopY - promptHeight - PROMPT_TO_CHOICES_M
  const choices = choiceHeights.map((h) => {
    const centre = y - h / 2
    y -= h + CHOICE_GAP_M
    return { y: centre, height: h }
  })
  const buttonsY = -top + BUTTONS_FROM_EDGE_M
  return {
    height,
    headerY: top - EDGE_TO_HEADER_M,
    promptTopY,
    choices,
    statusY: buttonsY + STATUS_ABOVE_BUTTONS_M,
    buttonsY,
  }
}

/**
 * The review page: text blocks stacked from the top edge (header, prompt, the answers, the
 * explanation), then the row of buttons. Like a question, a long explanation makes the panel
 * taller rather than running into the buttons.
 */
export interface ReviewLayout {
  readonly height: number
  /** Each block's top edge, in the order given. */
  readonly tops: readonly number[]
  readonly buttonsY: number
}

const REVIEW_BLOCK_GAP_M = 0.05
const REVIEW_TEXT_TO_BOTTOM_M = 0.22

export function reviewLayout(blockHeights: readonly number[]): ReviewLayout {
  const content =
    EDGE_TO_HEADER_M +
    blockHeights.reduce((a, b) => a + b, 0) +
    REVIEW_BLOCK_GAP_M * Math.max(0, blockHeights.length - 1) +
    REVIEW_TEXT_TO_BOTTOM_M
  const height = Math.max(QUIZ_MIN_HEIGHT_M, content)
  let y = height / 2 - EDGE_TO_HEADER_M
  const tops = blockHeights.map((h) => {
    const top = y
    y -= h + REVIEW_BLOCK_GAP_M
    return top
  })
  return { height, tops, buttonsY: -height / 2 + BUTTONS_FROM_EDGE_M }
}

/**
 * The centres of a row of buttons of these widths, side by side with `gap` between them and
 * the row centred on the panel: the result's buttons vary (the answers and a retry can both be
 * offered), and two at one place printed over each other.
 */
export function buttonRowCentres(widths: readonly number[], gap = 0.06): number[] {
  const total = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1)
  let left = -total / 2
  return widths.map((w) => {
    const centre = left + w / 2
    left += w + gap
    return centre
  })
}
