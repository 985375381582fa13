import { z } from 'zod'
import { isLatitude, isLongitude } from '../geo/types.ts'
import {
  type ChoiceId,
  CONTENT_ID_PATTERN,
  type LessonId,
  type QuestionId,
  type RouteId,
  type SiteId,
} from '../ids.ts'

/**
 * Schemas of the content files in routes-data/. Objects are strict so that a misspelt field
 * fails the build instead of being silently ignored. Error texts are the "rule" half of a
 * content error; the file, the path and the value are added by formatContentIssue.
 */

const contentId = <T extends string>() =>
  z
    .string()
    .regex(CONTENT_ID_PATTERN, { error: 'is not a kebab-case id (a-z, 0-9 and single hyphens)' })
    .transform((s) => s as T)

export const SiteIdSchema = contentId<SiteId>()
export const RouteIdSchema = contentId<RouteId>()
export const LessonIdSchema = contentId<LessonId>()

export const LocalizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1, { error: 'must not be empty (Chinese text is required)' }),
  en: z.string().trim().min(1, { error: 'must not be empty; leave the field out instead' }).optional(),
})
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

const latitude = z.number().refine(isLatitude, { error: 'is not a latitude (-90..90)' })
const longitude = z.number().refine(isLongitude, { error: 'is not a longitude (-180..180)' })

export const CheckinSettingsSchema = z.strictObject({
  radiusM: z.number().min(10).max(2000).default(150),
  maxAccuracyM: z.number().min(5).max(500).default(100),
})

export const SiteFrontMatterSchema = z.strictObject({
  id: SiteIdSchema,
  name: LocalizedTextSchema,
  region: LocalizedTextSchema,
  address: LocalizedTextSchema.optional(),
  location: z.strictObject({ lng: longitude, lat: latitude }),
  datum: z.enum(['wgs84', 'gcj02', 'bd09']).default('wgs84'),
  locationSource: z.strictObject({
    method: z.string().trim().min(10, { error: 'must say where the coordinates came from (10+ characters)' }),
    confidenceM: z.number().positive().max(5000),
  }),
  checkin: CheckinSettingsSchema.default({ radiusM: 150, maxAccuracyM: 100 }),
  summary: LocalizedTextSchema,
  designations: z.array(LocalizedTextSchema).default([]),
  lessons: z.array(LessonIdSchema).min(1, { error: 'must list at least one lesson' }),
  historyEn: z.string().trim().min(1).optional(),
})
export type SiteFrontMatter = z.infer<typeof SiteFrontMatterSchema>

/** A site's history is the Markdown body of its file; too short means it says nothing. */
export const SiteHistorySchema = z
  .string()
  .trim()
  .min(100, { error: 'is too short: the history needs real substance (100+ characters)' })

const mediaSrc = z
  .string()
  .regex(/^media\/[A-Za-z0-9_./-]+$/, { error: 'is not a path under public/media/ (media/…)' })
  .refine((s) => !s.includes('..'), { error: 'must not contain ..' })

export const LessonStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('text'),
      title: LocalizedTextSchema.optional(),
      body: LocalizedTextSchema,
    }),
    z.strictObject({
      kind: z.literal('image'),
      src: mediaSrc,
      alt: LocalizedTextSchema,
      caption: LocalizedTextSchema.optional(),
    }),
    z.strictObject({
      kind: z.literal('audio'),
      src: mediaSrc,
      title: LocalizedTextSchema,
      transcript: LocalizedTextSchema.optional(),
    }),
    z.strictObject({ kind: z.literal('discussion'), prompt: LocalizedTextSchema }),
  ],
  { error: 'is not a step kind (text, image, audio, discussion)' },
)
export type LessonStep = z.infer<typeof LessonStepSchema>

const questionId = z
  .string()
  .regex(/^[a-z0-9-]+$/, { error: 'is not a question id (a-z, 0-9, -)' })
  .transform((s) => s as QuestionId)
const choiceId = z
  .string()
  .regex(/^[a-z0-9]+$/, { error: 'is not a choice id (a-z, 0-9)' })
  .transform((s) => s as ChoiceId)
const ChoiceSchema = z.strictObject({ id: choiceId, text: LocalizedTextSchema })
const choices = z.array(ChoiceSchema).min(2).max(6)
const questionBase = { id: questionId, prompt: LocalizedTextSchema, explanation: LocalizedTextSchema }

export const QuestionSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...questionBase, kind: z.literal('single'), choices, answer: choiceId }),
      z.strictObject({
        ...questionBase,
        kind: z.literal('multiple'),
        choices,
        answer: z.array(choiceId).min(1, { error: 'must name at least one correct choice' }),
      }),
      z.strictObject({ ...questionBase, kind: z.literal('truefalse'), answer: z.boolean() }),
    ],
    { error: 'is not a question kind (single, multiple, truefalse)' },
  )
  .superRefine((q, ctx) => {
    if (q.kind === 'truefalse') return
    const ids = q.choices.map((c) => c.id)
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['choices', i, 'id'],
          input: id,
          message: 'is a duplicate choice id',
        })
    })
    const answers = q.kind === 'single' ? [q.answer] : q.answer
    answers.forEach((a, i) => {
      if (!ids.includes(a))
        ctx.addIssue({
          code: 'custom',
          path: q.kind === 'single' ? ['answer'] : ['answer', i],
          input: a,
          message: `names no choice of this question (choices: ${ids.join(', ')})`,
        })
    })
    if (q.kind === 'multiple' && new Set(q.answer).size !== q.answer.length)
      ctx.addIssue({ code: 'custom', path: ['answer'], input: q.answer, message: 'names a choice twice' })
  })
export type Question = z.infer<typeof QuestionSchema>

export const QuizSchema = z
  .strictObject({
    passMark: z.number().gt(0).max(1, { error: 'is a share of questions right, in (0, 1]' }),
    maxAttempts: z.number().int().min(0),
    questions: z.array(QuestionSchema).min(5, { error: 'needs at least 5 questions' }),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id)
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          input: id,
          message: 'is a duplicate question id',
        })
    })
  })
export type Quiz = z.infer<typeof QuizSchema>

/** The fewest questions a lesson's pre-test may have. */
export const PRETEST_MIN_QUESTIONS = 3

export const LessonFileSchema = z
  .strictObject({
    id: LessonIdSchema,
    site: SiteIdSchema,
    title: LocalizedTextSchema,
    modes: z.array(z.enum(['onsite', 'remote'])).min(1),
    durationMin: z.number().int().min(5).max(480),
    objectives: z.array(LocalizedTextSchema).min(1),
    steps: z.array(LessonStepSchema).min(3, { error: 'needs at least 3 steps' }),
    keyFacts: z.array(LocalizedTextSchema).min(3, { error: 'needs at least 3 key facts' }),
    quiz: QuizSchema,
    /**
     * The pre-test (课前测): ids of questions of this lesson's own quiz, asked before the lesson
     * and again in the quiz after it, so that before and after compare question by question.
     */
    pretest: z
      .array(questionId)
      .min(PRETEST_MIN_QUESTIONS, {
        error: `needs at least ${PRETEST_MIN_QUESTIONS} questions (fewer say little about a change)`,
      })
      .optional(),
  })
  .superRefine((lesson, ctx) => {
    const quizIds = lesson.quiz.questions.map((q) => q.id as string)
    lesson.pretest?.forEach((id, i) => {
      if (!quizIds.includes(id))
        ctx.addIssue({
          code: 'custom',
          path: ['pretest', i],
          input: id,
          message: `names no question of this lesson's quiz (questions: ${quizIds.join(', ')})`,
        })
      else if (lesson.pretest?.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['pretest', i], input: id, message: 'names a question twice' })
    })
    if (!lesson.modes.includes('onsite'))
      ctx.addIssue({ code: 'custom', path: ['modes'], input: lesson.modes, message: 'must include onsite' })
    if (!lesson.steps.some((s) => s.kind === 'discussion'))
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        input: '…',
        message: 'needs at least one discussion step',
      })
  })
export type LessonFile = z.infer<typeof LessonFileSchema>

export const RouteFileSchema = z
  .strictObject({
    id: RouteIdSchema,
    title: LocalizedTextSchema,
    region: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    days: z.number().int().min(1).max(14),
    stops: z
      .array(
        z.strictObject({
          site: SiteIdSchema,
          day: z.number().int().min(1),
          note: LocalizedTextSchema.optional(),
        }),
      )
      .min(2, { error: 'needs at least 2 stops' }),
  })
  .superRefine((route, ctx) => {
    let previousDay = 1
    route.stops.forEach((stop, i) => {
      if (stop.day > route.days)
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'day'],
          input: stop.day,
          message: `is after the route's last day (${route.days})`,
        })
      if (stop.day < previousDay)
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'day'],
          input: stop.day,
          message: 'goes back to an earlier day: stops are in visiting order',
        })
      previousDay = stop.day
      if (route.stops.findIndex((s) => s.site === stop.site) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'site'],
          input: stop.site,
          message: 'is visited twice',
        })
    })
  })
export type RouteFile = z.infer<typeof RouteFileSchema>

/** One P-256 curve coordinate: 32 bytes as unpadded base64url. */
const jwkCoordinate = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'is not a P-256 coordinate (43 base64url characters)' })

/**
 * A public key of the QR key ring, `routes-data/keys/<kid>.json`. Only ES256 site keys exist
 * (the verifier's algorithm allowlist). A private key part (`d`) is refused before this schema
 * runs (buildContent), so that its value never appears in a build log.
 */
export const KeyFileSchema = z.strictObject({
  kid: contentId<string>().refine((s) => s.length <= 64, { error: 'is longer than 64 characters' }),
  use: z.literal('site', { error: 'is not site (the only key use so far: site check-in codes)' }),
  alg: z.literal('ES256', { error: 'is not ES256 (the only algorithm accepted)' }),
  publicKey: z.strictObject({
    kty: z.literal('EC', { error: 'is not EC' }),
    crv: z.literal('P-256', { error: 'is not P-256' }),
    x: jwkCoordinate,
    y: jwkCoordinate,
  }),
  note: z.string().trim().min(1).max(500).optional(),
})
export type KeyFile = z.infer<typeof KeyFileSchema>

export type { ChoiceId, LessonId, QuestionId, RouteId, SiteId }
