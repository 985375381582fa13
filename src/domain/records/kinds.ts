import { z } from 'zod'

/**
 * Payload schemas of every record kind, each with its current version and the migrations
 * from earlier versions. A record stored or synced at version n is migrated step by step to
 * the current version when read; migrations are pure and never drop a record.
 *
 * Location privacy (DESIGN.md): a check-in keeps the verdict, the distance and the accuracy,
 * and coordinates rounded to 3 decimals (≈ 100 m), never the raw fix.
 */

const siteId = z.string().min(1).max(80)
const lessonId = z.string().min(1).max(80)
/** Degrees within ±limit (90 for latitude, 180 for longitude), rounded to 3 decimals. */
const coarseDegrees = (limit: number) =>
  z
    .number()
    .min(-limit)
    .max(limit)
    .refine((v) => Math.round(v * 1000) / 1000 === v, {
      error: 'must be rounded to 3 decimals (≈ 100 m)',
    })

export const CheckinPayloadV1 = z.strictObject({
  siteId,
  routeId: z.string().min(1).max(80).optional(),
  method: z.enum(['gps', 'qr']),
  /** Only accepted check-ins become records; the server recomputes the verdict and flags disagreement. */
  verdict: z.enum(['inside', 'qr-valid']),
  gps: z
    .strictObject({
      lat: coarseDegrees(90),
      lng: coarseDegrees(180),
      accuracyM: z.number().nonnegative().max(100_000),
      distanceM: z.number().nonnegative().max(50_000_000),
    })
    .optional(),
  qr: z
    .strictObject({
      token: z.string().min(10).max(2000),
      keyId: z.string().min(1).max(80),
    })
    .optional(),
})

export const LessonCompletedPayloadV1 = z.strictObject({
  lessonId,
  siteId,
  mode: z.enum(['onsite', 'remote', 'vr']),
  /** Share of quiz questions right in the passing attempt, 0..1, when the lesson has a quiz. */
  score: z.number().min(0).max(1).optional(),
  quizRecordId: z.string().optional(),
})

const answer = z.union([z.array(z.string().max(20)).max(10), z.boolean()])

export const QuizSubmittedPayloadV1 = z.strictObject({
  lessonId,
  attempt: z.number().int().min(1).max(1000),
  mode: z.enum(['onsite', 'remote', 'vr']),
  answers: z.record(z.string().max(40), answer),
  correct: z.number().int().min(0),
  total: z.number().int().min(1),
  passed: z.boolean(),
  /**
   * 'pre': the lesson's pre-test (课前测), taken before the lesson on the questions its `pretest`
   * names; `correct`/`total` count those questions only, `passed` is always false (no pass
   * mark), and it never counts towards passing or the best score. Absent means 'post', the quiz
   * after the lesson. Still version 1: every record written before this field existed parses
   * and means exactly what it meant, so no migration is needed (a version bump is for a change
   * that old records would fail or be misread by).
   */
  phase: z.enum(['pre', 'post']).optional(),
})

export const ReflectionPayloadV1 = z.strictObject({
  lessonId: lessonId.optional(),
  siteId: siteId.optional(),
  text: z.string().trim().min(1).max(5000),
})

/**
 * A trainer attested that the member was at a stop or a lesson: the member's device scanned the
 * trainer's rotating code (src/domain/attest/) and verified it offline. The token is kept whole so
 * the server can verify it again; kid and step are copied out of it for readers that do not
 * parse tokens (dashboards), and the server flags a record whose copies disagree with the token.
 */
export const AttestationPayloadV1 = z
  .strictObject({
    classId: z.string().min(1).max(80),
    token: z.string().min(10).max(1024),
    kid: z.string().min(1).max(120),
    /** The code's 30-second step: floor(Unix seconds / 30) on the trainer's device. */
    step: z.number().int().min(0),
    siteId: siteId.optional(),
    lessonId: lessonId.optional(),
    /** scan: read by the in-app scanner; link: the /a/<token> link opened by the phone's camera. */
    method: z.enum(['scan', 'link']),
  })
  .refine((p) => (p.siteId === undefined) !== (p.lessonId === undefined), {
    error: 'names exactly one of siteId and lessonId',
    path: ['siteId'],
  })

export const RECORD_KINDS = {
  checkin: { version: 1, schema: CheckinPayloadV1, migrations: {} },
  'lesson.completed': { version: 1, schema: LessonCompletedPayloadV1, migrations: {} },
  'quiz.submitted': { version: 1, schema: QuizSubmittedPayloadV1, migrations: {} },
  reflection: { version: 1, schema: ReflectionPayloadV1, migrations: {} },
  attestation: { version: 1, schema: AttestationPayloadV1, migrations: {} },
} as const satisfies Record<
  string,
  { version: number; schema: z.ZodType; migrations: Record<number, (old: unknown) => unknown> }
>

export type RecordKind = keyof typeof RECORD_KINDS
export type PayloadOf<K extends RecordKind> = z.infer<(typeof RECORD_KINDS)[K]['schema']>
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[]
