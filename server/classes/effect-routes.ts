import { z } from 'zod'
import { dashboardColumns } from '../../src/domain/classes/dashboard-columns.ts'
import { buildLearningEffect } from '../../src/domain/classes/learning-effect.ts'
import { requireUser } from '../auth/middleware.ts'
import type { AppServices } from '../context.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { acceptedRecordsOf } from '../sync/routes.ts'
import { classForStaff } from './access.ts'
import { membersOf, sceneIdsOf } from './class-view.ts'
import { classScope } from './routes.ts'
import { sceneCatalog } from './scene-catalog.ts'

/**
 * The learning effect of a class (学习效果): per lesson, each question's share of members right
 * (hardest first), and where the lesson has a pre-test (课前测) each member's score before and
 * after on the same questions with the class's paired comparison. One pure function computes it
 * (src/domain/classes/learning-effect.ts, where the counting rules are written down) from the
 * class's accepted records, the same records the class's progress counts.
 */

const LocalizedSchema = z.strictObject({ zh: z.string(), en: z.string().optional() })

const ShareSchema = z.strictObject({
  attempts: z.number().int().meta({ description: 'Members counted (their first attempt)' }),
  correct: z.number().int(),
  share: z.number().nullable().meta({ description: 'correct / attempts, 0..1; null with no attempts' }),
})

const QuestionEffectSchema = z.strictObject({
  questionId: z.string(),
  number: z.number().int().meta({ description: '1-based position in the quiz' }),
  kind: z.enum(['single', 'multiple', 'truefalse']),
  prompt: LocalizedSchema,
  post: ShareSchema.meta({ description: "In each member's first attempt after the lesson" }),
  pre: ShareSchema.nullable().meta({ description: 'In the pre-test; null for questions it does not ask' }),
})

const MemberPrePostSchema = z.strictObject({
  memberId: z.string(),
  displayName: z.string(),
  pre: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Right before the lesson; null: not taken or skipped' }),
  post: z.number().int().nullable().meta({ description: 'Right on the same questions after; null: not yet' }),
  total: z.number().int(),
  delta: z.number().int().nullable(),
})

const ClassPrePostSchema = z.strictObject({
  membersWithPre: z.number().int(),
  membersWithPost: z.number().int(),
  membersWithBoth: z.number().int(),
  meanPre: z.number().nullable().meta({ description: 'Mean share right 0..1, over members with both' }),
  meanPost: z.number().nullable(),
  meanDelta: z.number().nullable(),
  improved: z.number().int(),
  unchanged: z.number().int(),
  declined: z.number().int(),
  signTestP: z.number().nullable().meta({ description: 'Exact two-sided sign test over members with both' }),
})

const LessonEffectSchema = z.strictObject({
  lessonId: z.string(),
  title: LocalizedSchema,
  membersWithPost: z.number().int(),
  questions: z.array(QuestionEffectSchema).meta({ description: 'Hardest first' }),
  prePost: z
    .strictObject({
      questionIds: z.array(z.string()),
      total: z.number().int(),
      members: z.array(MemberPrePostSchema),
      summary: ClassPrePostSchema,
    })
    .nullable()
    .meta({ description: 'Null when the lesson has no pre-test' }),
})

export const LearningEffectResponseSchema = z.strictObject({
  classId: z.string(),
  className: z.string(),
  contentVersion: z.string(),
  memberCount: z.number().int(),
  lessons: z.array(LessonEffectSchema),
})

export function effectRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId/learning-effect',
      tag: 'classes',
      summary: "The class's learning effect: share right per question, and before/after the pre-tests",
      access: 'its trainers and admins (members: 403, others: 404)',
      responses: {
        200: { description: 'Per lesson, hardest questions first', schema: LearningEffectResponseSchema },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const cls = await classForStaff(s.db, pathParam(c, 'classId'), requireUser(c))
      const [records, members] = await Promise.all([
        acceptedRecordsOf(s.db, classScope(cls)),
        membersOf(s.db, cls.id),
      ])
      // The dashboard's lesson order: the route's stops, then the class's VR scenes.
      const columns = dashboardColumns(s.content, sceneCatalog(s.config.projectRoot), {
        routeId: cls.route_id,
        sceneIds: sceneIdsOf(cls),
      })
      // The class's lessons only, as on its dashboard: a lesson a member took on their own (the
      // record still names the class) is not part of what the class was taught.
      const classLessons = new Set<string>(columns.lessons.map((l) => l.lessonId))
      const effect = buildLearningEffect({
        lessons: s.content.lessons.filter((l) => classLessons.has(l.id)),
        lessonOrder: columns.lessons.map((l) => l.lessonId),
        members: members.map((m) => ({ id: m.id, displayName: m.displayName })),
        records,
      })
      return c.json(
        { classId: cls.id, className: cls.name, contentVersion: s.content.version, ...effect },
        200,
      )
    },
  )
}
