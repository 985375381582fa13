import type { Question, Quiz } from '../content/schema.ts'
import { mulberry32 } from '../seeded-random.ts'

type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>
type Choice = ChoiceQuestion['choices'][number]

/**
 * The order a quiz's choices are shown in, on the phone, in the results and in a headset: the
 * same for every member and trainer (so "选 B" means one thing in a class), but not the order
 * the content file lists them in. Authors tend to write the right answer first: in this content
 * 31 of 49 single-choice answers were the first choice and every multiple-choice answer was the
 * first few, so always ticking A passed several quizzes.
 *
 * A shuffle alone leaves that to chance (one quiz still gave 5 of 6 to "always A, always 正确"),
 * so the right answers of a quiz's single-choice questions are dealt to positions in turn, from
 * a shuffled round of positions, and the wrong choices fill the rest in shuffled order; a
 * multiple-choice question is shuffled whole. Everything is seeded by the quiz's questions (ids
 * and Chinese prompts): stable across builds, devices and languages, changed by editing a
 * question. Records keep answers by choice id, so the order
 * shown never changes what is stored or scored.
 *
 * Each attempt (1, 2…) has its own order, so a retry cannot be answered by repeating letters
 * from the last result; attempt 1 keeps the seed of the questions alone. Every choice question's
 * order differs from the attempt before's (if the shuffle repeats it, it is turned by one).
 */
export function shownChoices(quiz: Quiz, question: ChoiceQuestion, attempt = 1): readonly Choice[] {
  return ordersOf(quiz, Math.max(1, Math.floor(attempt))).get(question.id) ?? question.choices
}

type Orders = ReadonlyMap<string, readonly Choice[]>
const cache = new WeakMap<Quiz, Map<number, Orders>>()

function ordersOf(quiz: Quiz, attempt: number): Orders {
  const byAttempt = cache.get(quiz) ?? new Map<number, Orders>()
  cache.set(quiz, byAttempt)
  let orders = byAttempt.get(attempt)
  if (orders) return orders
  // Built up from attempt 1, so that each attempt can be compared with the one before it.
  const before = attempt > 1 ? ordersOf(quiz, attempt - 1) : null
  orders = before ? unlike(before, dealt(quiz, attempt)) : dealt(quiz, attempt)
  byAttempt.set(attempt, orders)
  return orders
}

/** `orders`, with any question whose order repeats `before` turned by one place. */
function unlike(before: Orders, orders: Orders): Orders {
  const out = new Map(orders)
  for (const [id, order] of orders) {
    const previous = before.get(id)
    if (previous && order.every((c, i) => c === previous[i]))
      out.set(id, [...order.slice(1), ...order.slice(0, 1)])
  }
  return out
}

function dealt(quiz: Quiz, attempt: number): Orders {
  // Question ids repeat from quiz to quiz (q1, q2…): the Chinese prompts tell quizzes apart.
  const questions = quiz.questions.map((q) => `${q.id}\t${q.prompt.zh}`).join('\n')
  const random = mulberry32(fnv1a(attempt === 1 ? questions : `${questions}\nattempt ${attempt}`))
  const round: number[] = []
  const nextPosition = (choices: number) => {
    for (let tries = 0; tries < 2; tries++) {
      const at = round.findIndex((p) => p < choices)
      if (at >= 0) return round.splice(at, 1)[0] as number
      // A new round: every position once, in a shuffled order.
      round.push(
        ...shuffled(
          Array.from({ length: MAX_CHOICES }, (_, i) => i),
          random,
        ),
      )
    }
    return 0
  }
  const built = new Map<string, readonly Choice[]>()
  for (const q of quiz.questions) {
    if (q.kind === 'multiple') built.set(q.id, shuffled(q.choices, random))
    if (q.kind !== 'single') continue
    const right = q.choices.find((c) => c.id === q.answer)
    if (!right) continue
    const order = shuffled(
      q.choices.filter((c) => c !== right),
      random,
    )
    order.splice(nextPosition(q.choices.length), 0, right)
    built.set(q.id, order)
  }
  return built
}

/** The letter a choice is shown with at a position: "A" for 0. Members and trainers say "选 B". */
export const choiceLetter = (position: number) => String.fromCharCode(65 + position)

/** The content allows up to six choices (src/domain/content/schema.ts). */
const MAX_CHOICES = 6

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = out[i] as T
    out[i] = out[j] as T
    out[j] = t
  }
  return out
}

/** FNV-1a, 32 bits, over UTF-16 code units: a seed from the questions. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
