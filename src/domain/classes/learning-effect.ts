import type { LessonFile, LocalizedText } from '../content/schema.ts'
import { pretestQuestions, quizPhaseOf } from '../lesson/pretest.ts'
import { scoreQuiz } from '../lesson/quiz-scoring.ts'
import type { AnyRecord, RecordEnvelope } from '../records/record.ts'

/**
 * The learning effect of a class (学习效果), from its members' quiz records and the content:
 *
 * - per lesson and question, the share of members who got it right, hardest first;
 * - where the lesson has a pre-test (课前测), each member's score before and after on the same
 *   questions, and the class's paired comparison.
 *
 * Which attempts count: for each member and lesson, their FIRST quiz attempt after the lesson
 * (lowest attempt number; on a tie, e.g. attempt 1 on two devices, the earlier corrected time,
 * then the lower record id). Retries are practice with the explanations already seen, so
 * counting them would make every question look easy. The "before" is the member's earliest
 * pre-test record, and only if it was made no later than that first attempt: a pre-test taken
 * after the quiz measures nothing before the lesson.
 *
 * Answers are scored again against the content as it is now (like the lesson's result view),
 * so that every question has a verdict; the records' own totals are not used.
 */

export interface EffectMember {
  readonly id: string
  readonly displayName: string
}

export interface ShareCorrect {
  /** Members whose counted attempt is included (a question left unanswered counts as wrong). */
  readonly attempts: number
  readonly correct: number
  /** correct / attempts, 0..1; null when no one has an attempt. */
  readonly share: number | null
}

export interface QuestionEffect {
  readonly questionId: string
  /** 1-based position in the quiz, as members saw it ("第 3 题"). */
  readonly number: number
  readonly kind: 'single' | 'multiple' | 'truefalse'
  readonly prompt: LocalizedText
  /** In each member's first attempt after the lesson. */
  readonly post: ShareCorrect
  /** In the pre-test, for questions the pre-test asks; null for the others. */
  readonly pre: ShareCorrect | null
}

export interface MemberPrePost {
  readonly memberId: string
  readonly displayName: string
  /** Right answers among the pre-test's questions before the lesson; null when not taken or skipped. */
  readonly pre: number | null
  /** Right answers among the same questions in the first attempt after the lesson; null when none yet. */
  readonly post: number | null
  /** The number of pre-test questions. */
  readonly total: number
  /** post − pre in questions, when both exist. */
  readonly delta: number | null
}

export interface ClassPrePost {
  readonly membersWithPre: number
  readonly membersWithPost: number
  /** Members with both; the means and the comparison below are over these members only. */
  readonly membersWithBoth: number
  /** Mean share right (0..1) before, after, and of the change; null when no member has both. */
  readonly meanPre: number | null
  readonly meanPost: number | null
  readonly meanDelta: number | null
  readonly improved: number
  readonly unchanged: number
  readonly declined: number
  /**
   * Two-sided exact sign test of "after differs from before" over the members with both (ties
   * dropped): the chance of a split at least this uneven if the lesson made no difference. Null
   * when every member with both scored the same before and after, or none has both.
   */
  readonly signTestP: number | null
}

export interface PrePostEffect {
  readonly questionIds: readonly string[]
  readonly total: number
  /** Members with a pre-test or a first attempt, in the order of the class list. */
  readonly members: readonly MemberPrePost[]
  readonly summary: ClassPrePost
}

export interface LessonEffect {
  readonly lessonId: string
  readonly title: LocalizedText
  /** Members with at least one attempt after the lesson. */
  readonly membersWithPost: number
  /** Every quiz question, hardest first: lowest share right, then quiz order. */
  readonly questions: readonly QuestionEffect[]
  /** Null when the lesson has no pre-test. */
  readonly prePost: PrePostEffect | null
}

export interface ClassLearningEffect {
  readonly memberCount: number
  /** Lessons with at least one counted attempt (before or after), in the order asked for. */
  readonly lessons: readonly LessonEffect[]
}

export interface LearningEffectInput {
  /** The content's lessons; records of lessons not among them are ignored. */
  readonly lessons: readonly LessonFile[]
  /** Lesson ids in the order to report them (e.g. the class dashboard's); others follow in content order. */
  readonly lessonOrder?: readonly string[]
  /** The class's members; records of anyone else are ignored. */
  readonly members: readonly EffectMember[]
  /** The class's records (any kinds; only `quiz.submitted` is read). */
  readonly records: readonly AnyRecord[]
}

type QuizRecord = RecordEnvelope<'quiz.submitted'>

/** Device time corrected by the offset the device knew (ms since the epoch). */
const correctedMs = (r: QuizRecord) => Date.parse(r.occurredAt) + (r.clockOffsetMs ?? 0)

/** Whether a is before b in counting order: attempt number, then corrected time, then id. */
function countsBefore(a: QuizRecord, b: QuizRecord, byAttempt: boolean): boolean {
  if (byAttempt && a.payload.attempt !== b.payload.attempt) return a.payload.attempt < b.payload.attempt
  const ta = correctedMs(a)
  const tb = correctedMs(b)
  return ta !== tb ? ta < tb : a.id < b.id
}

const shareOf = (attempts: number, correct: number): ShareCorrect => ({
  attempts,
  correct,
  share: attempts === 0 ? null : correct / attempts,
})

export function buildLearningEffect(input: LearningEffectInput): ClassLearningEffect {
  const memberIds = new Set(input.members.map((m) => m.id))
  const lessonOf = new Map(input.lessons.map((l) => [l.id as string, l]))

  // The counted attempts: key `${lessonId}\u0000${memberId}`.
  const firstPost = new Map<string, QuizRecord>()
  const firstPre = new Map<string, QuizRecord>()
  const seen = new Set<string>()
  for (const r of input.records) {
    if (r.kind !== 'quiz.submitted' || seen.has(r.id)) continue
    seen.add(r.id)
    if (!memberIds.has(r.memberId) || !lessonOf.has(r.payload.lessonId)) continue
    const key = `${r.payload.lessonId}\u0000${r.memberId}`
    const pre = quizPhaseOf(r.payload) === 'pre'
    const map = pre ? firstPre : firstPost
    const current = map.get(key)
    if (!current || countsBefore(r, current, !pre)) map.set(key, r)
  }
  for (const [key, pre] of firstPre) {
    const post = firstPost.get(key)
    if (post && correctedMs(pre) > correctedMs(post)) firstPre.delete(key)
  }

  const order = new Map((input.lessonOrder ?? []).map((id, i) => [id, i]))
  const contentIndex = new Map(input.lessons.map((l, i) => [l.id as string, i]))
  const rank = (id: string) => [order.get(id) ?? Number.POSITIVE_INFINITY, contentIndex.get(id) ?? 0] as const
  const lessonIds = [
    ...new Set([...firstPost.keys(), ...firstPre.keys()].map((k) => k.split('\u0000')[0] ?? '')),
  ]
  lessonIds.sort((a, b) => {
    const [oa, ca] = rank(a)
    const [ob, cb] = rank(b)
    return oa !== ob ? oa - ob : ca - cb
  })

  const lessons = lessonIds.flatMap((id) => {
    const lesson = lessonOf.get(id)
    if (!lesson) return []
    const attemptsOf = (map: Map<string, QuizRecord>) =>
      input.members.flatMap((m) => {
        const r = map.get(`${id}\u0000${m.id}`)
        return r ? [{ member: m, verdicts: verdictsOf(lesson, r) }] : []
      })
    return [lessonEffect(lesson, attemptsOf(firstPost), attemptsOf(firstPre), input.members)]
  })
  return { memberCount: input.members.length, lessons }
}

/** Whether each question of the lesson's quiz was answered right in a record. */
function verdictsOf(lesson: LessonFile, r: QuizRecord): ReadonlyMap<string, boolean> {
  return new Map(scoreQuiz(lesson.quiz, r.payload.answers).questions.map((q) => [q.id, q.correct]))
}

interface CountedAttempt {
  readonly member: EffectMember
  readonly verdicts: ReadonlyMap<string, boolean>
}

function lessonEffect(
  lesson: LessonFile,
  post: readonly CountedAttempt[],
  pre: readonly CountedAttempt[],
  members: readonly EffectMember[],
): LessonEffect {
  const pretestIds = pretestQuestions(lesson).map((q) => q.id as string)
  const count = (attempts: readonly CountedAttempt[], questionId: string) =>
    shareOf(attempts.length, attempts.filter((a) => a.verdicts.get(questionId)).length)

  const questions = lesson.quiz.questions.map((q, i) => ({
    questionId: q.id as string,
    number: i + 1,
    kind: q.kind,
    prompt: q.prompt,
    post: count(post, q.id),
    pre: pretestIds.includes(q.id) ? count(pre, q.id) : null,
  }))
  // Hardest first; a question no one has answered yet (share null) goes last.
  questions.sort(
    (a, b) =>
      (a.post.share ?? Number.POSITIVE_INFINITY) - (b.post.share ?? Number.POSITIVE_INFINITY) ||
      a.number - b.number,
  )

  return {
    lessonId: lesson.id,
    title: lesson.title,
    membersWithPost: post.length,
    questions,
    prePost: pretestIds.length === 0 ? null : prePostEffect(pretestIds, post, pre, members),
  }
}

function prePostEffect(
  questionIds: readonly string[],
  post: readonly CountedAttempt[],
  pre: readonly CountedAttempt[],
  members: readonly EffectMember[],
): PrePostEffect {
  const total = questionIds.length
  const right = (a: CountedAttempt | undefined) =>
    a ? questionIds.filter((id) => a.verdicts.get(id)).length : null
  const rows = members.flatMap((m): MemberPrePost[] => {
    const before = right(pre.find((a) => a.member.id === m.id))
    const after = right(post.find((a) => a.member.id === m.id))
    if (before === null && after === null) return []
    const delta = before !== null && after !== null ? after - before : null
    return [{ memberId: m.id, displayName: m.displayName, pre: before, post: after, total, delta }]
  })
  const both = rows.filter((r) => r.delta !== null)
  const mean = (values: readonly number[]) =>
    values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length
  const improved = both.filter((r) => (r.delta ?? 0) > 0).length
  const declined = both.filter((r) => (r.delta ?? 0) < 0).length
  return {
    questionIds,
    total,
    members: rows,
    summary: {
      membersWithPre: rows.filter((r) => r.pre !== null).length,
      membersWithPost: rows.filter((r) => r.post !== null).length,
      membersWithBoth: both.length,
      meanPre: mean(both.map((r) => (r.pre ?? 0) / total)),
      meanPost: mean(both.map((r) => (r.post ?? 0) / total)),
      meanDelta: mean(both.map((r) => (r.delta ?? 0) / total)),
      improved,
      unchanged: both.length - improved - declined,
      declined,
      signTestP: signTestP(improved, declined),
    },
  }
}

/**
 * Two-sided exact sign test: with n = up + down non-tied pairs and k = min(up, down),
 * p = min(1, 2 · Σ_{i=0..k} C(n, i) / 2^n) (the binomial tail at p = ½). Summed in logs so that
 * large classes do not underflow. Null when n = 0.
 */
export function signTestP(up: number, down: number): number | null {
  const n = up + down
  if (n === 0) return null
  const k = Math.min(up, down)
  let logC = 0 // log C(n, 0)
  let tail = 0
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i)
    tail += Math.exp(logC - n * Math.LN2)
  }
  return Math.min(1, 2 * tail)
}
