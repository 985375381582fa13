import type { LocalizedText, Quiz } from '../content/schema.ts'

/**
 * Words that point at a quiz's choices by their place: "前三项", "以上都对", "选项 B", "the first
 * three", "all of the above". The app shows a question's choices shuffled, in a new order on
 * every attempt (choice-order.ts), so such words name whichever choices happen to stand there:
 * an explanation saying "前四个方面" under a list whose fourth choice is the wrong one teaches
 * the wrong fact. Choice questions must name their choices by what they say.
 *
 * Tuned to the lesson texts: "第一批", "最后一句" (of a telegram), "八十岁以上" and "the first
 * batch" do not point at choices and pass.
 */
const NUMBER_ZH = '[一二两三四五六1-6]'
const PATTERNS: readonly RegExp[] = [
  // 前三项, 后两句, 前四个方面, 前两个选项; not 前三个月.
  new RegExp(
    `(?<![最然之以])[前后]${NUMBER_ZH}(?:项|句|条|者|种|点|个(?:选项|答案|方面|说法)?(?![月年小星世]))`,
  ),
  new RegExp(`第${NUMBER_ZH}(?:项|个选项|个答案)`),
  /最后(?:一|两|三)?(?:项|个选项)/,
  // 以上 after a number and its unit is "or more" (八十岁以上); anywhere else it points up the list.
  /(?<![\d〇零一二三四五六七八九十百千万亿两半][^\s，。；、]{0,2})以上/,
  /上述(?:各|几|两|三|四|选项|说法|答案)/,
  /(?:选项|选|答案是?)\s*[A-F](?![A-Za-z])/,
  /(?<![A-Za-z])[A-F](?:项|[、和与及][A-F](?![A-Za-z]))/,
  /\b(?:first|last|final)\s+(?:one|two|three|four|five|option|options|choice|choices|answer|answers|item|items|statement|statements)\b(?!\s+(?:years?|months?|weeks?|days?|decades?|centur))/i,
  /\b(?:of\s+the|the)\s+above\b|\babove\s+(?:options?|choices?|answers?|items?|statements?)\b/i,
  /\b(?:[Oo]ption|[Cc]hoice|[Aa]nswer)s?\s+[A-F]\b/,
  /\b[A-F](?:,\s*[A-F])*,?\s+(?:and|or)\s+[A-F]\b/,
]

/** One place in a quiz where a choice question points at its choices by position. */
export interface PositionalReference {
  /** Field path inside the quiz, e.g. `questions[2].explanation.zh`. */
  readonly path: string
  /** The words found, e.g. "前四个". */
  readonly phrase: string
}

/** Every positional reference in the prompts, explanations and choices of shuffled questions. */
export function positionalReferences(quiz: Quiz): PositionalReference[] {
  const found: PositionalReference[] = []
  const check = (path: string, text: LocalizedText) => {
    for (const lang of ['zh', 'en'] as const) {
      const value = text[lang]
      if (value === undefined) continue
      for (const pattern of PATTERNS) {
        const match = pattern.exec(value)
        if (match) found.push({ path: `${path}.${lang}`, phrase: match[0] })
      }
    }
  }
  quiz.questions.forEach((q, i) => {
    // A true/false question has no choices to shuffle: its explanation may say what it likes.
    if (q.kind === 'truefalse') return
    check(`questions[${i}].prompt`, q.prompt)
    check(`questions[${i}].explanation`, q.explanation)
    q.choices.forEach((c, j) => {
      check(`questions[${i}].choices[${j}].text`, c.text)
    })
  })
  return found
}
