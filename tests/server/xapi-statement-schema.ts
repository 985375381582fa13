import { z } from 'zod'

/**
 * The xAPI 1.0.3 Statement structure (xAPI-Data.md, "2.4 Statement Properties" and "4.0 Data
 * Types"), written from the specification independently of src/domain/archive/xapi.ts so that
 * it can catch the mapping's mistakes. It checks what the export uses and forbids every property
 * the specification does not define (an LRS rejects a Statement with unknown properties).
 * Used by the archive tests on every exported statement; tested itself in
 * xapi-statement-schema.test.ts.
 */

/** RFC 4122/9562 UUID in its string form; the spec requires the variant 10xx. */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, {
  error: 'is not an RFC 4122 UUID',
})

/** An absolute IRI: a scheme (RFC 3987 §2.2) and something after it, no spaces. */
const iri = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, { error: 'is not an absolute IRI' })
  .refine(
    (s) => {
      try {
        new URL(s)
        return true
      } catch {
        return false
      }
    },
    { error: 'is not a parseable IRI' },
  )

/**
 * RFC 5646 language tag, the common subset: language (2–3 letters, optional extlang),
 * optional script (4 letters), optional region (2 letters or 3 digits), variants.
 */
export const LANGUAGE_TAG =
  /^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$/
const languageMap = z
  .record(z.string().regex(LANGUAGE_TAG, { error: 'is not an RFC 5646 language tag' }), z.string())
  .refine((m) => Object.keys(m).length > 0, { error: 'is an empty language map' })

/** Extensions: a map whose keys are IRIs (§2.4.10.1 / 4.1 "Extensions"). */
const extensions = z.record(iri, z.unknown())

/** ISO 8601 date-time with a zone (the spec requires a timezone offset or Z for timestamps). */
const timestamp = z.iso.datetime({ offset: true })

const account = z.strictObject({ homePage: iri, name: z.string().min(1) })
/** An Agent: exactly one Inverse Functional Identifier (§2.4.2.1 "Identified Agent"). */
const agent = z
  .strictObject({
    objectType: z.literal('Agent').optional(),
    name: z.string().optional(),
    mbox: z
      .string()
      .regex(/^mailto:[^@\s]+@[^@\s]+$/)
      .optional(),
    mbox_sha1sum: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
    openid: iri.optional(),
    account: account.optional(),
  })
  .refine((a) => ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in a).length === 1, {
    error: 'an Agent has exactly one inverse functional identifier',
  })

const activityDefinition = z.strictObject({
  name: languageMap.optional(),
  description: languageMap.optional(),
  type: iri.optional(),
  moreInfo: iri.optional(),
  extensions: extensions.optional(),
})
export const ActivitySchema = z.strictObject({
  objectType: z.literal('Activity').optional(),
  id: iri,
  definition: activityDefinition.optional(),
})

const verb = z.strictObject({ id: iri, display: languageMap.optional() })

/** §2.4.5.1 Score: scaled in [-1, 1]; raw between min and max; min below max. */
const score = z
  .strictObject({
    scaled: z.number().min(-1).max(1).optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, {
    error: 'min is not below max',
  })
  .refine((s) => s.raw === undefined || s.min === undefined || s.raw >= s.min, { error: 'raw is below min' })
  .refine((s) => s.raw === undefined || s.max === undefined || s.raw <= s.max, { error: 'raw is above max' })

const result = z.strictObject({
  score: score.optional(),
  success: z.boolean().optional(),
  completion: z.boolean().optional(),
  response: z.string().optional(),
  duration: z
    .string()
    .regex(
      /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?!$)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
    )
    .optional(),
  extensions: extensions.optional(),
})

const activities = z.array(ActivitySchema)
const context = z.strictObject({
  registration: uuid.optional(),
  instructor: agent.optional(),
  team: z.unknown().optional(),
  contextActivities: z
    .strictObject({
      parent: activities.optional(),
      grouping: activities.optional(),
      category: activities.optional(),
      other: activities.optional(),
    })
    .optional(),
  revision: z.string().optional(),
  platform: z.string().optional(),
  language: z.string().regex(LANGUAGE_TAG).optional(),
  statement: z.strictObject({ objectType: z.literal('StatementRef'), id: uuid }).optional(),
  extensions: extensions.optional(),
})

/** Objects other than Activities (Agents, SubStatements) are not exported, so not admitted. */
export const StatementSchema = z.strictObject({
  id: uuid,
  actor: agent,
  verb,
  object: ActivitySchema,
  result: result.optional(),
  context: context.optional(),
  timestamp: timestamp.optional(),
  stored: timestamp.optional(),
  authority: agent.optional(),
  version: z
    .string()
    .regex(/^1\.0(\.\d+)?$/, { error: 'is not a 1.0.x version' })
    .optional(),
})
