import { z } from 'zod'
import type { ClassLearningEffect } from '../../domain/classes/learning-effect.ts'

/**
 * GET /api/classes/:id/learning-effect from our own server, as one of a few outcomes the screen
 * can explain. Anything that is not our JSON (no network, a captive portal's HTML page, a proxy
 * error) counts as offline. The body is read with loose objects: fields a newer server adds are
 * welcome, since a trainer's tablet may run an older app than the server.
 */

export interface LearningEffectView extends ClassLearningEffect {
  readonly classId: string
  readonly className: string
}

export type EffectOutcome =
  | { readonly kind: 'ok'; readonly value: LearningEffectView }
  | { readonly kind: 'offline' }
  | { readonly kind: 'logged-out' }
  | { readonly kind: 'forbidden' }
  /** No such class, or one this user may not see: the server answers both alike. */
  | { readonly kind: 'not-found' }
  | { readonly kind: 'error'; readonly status: number }

const localized = z.object({ zh: z.string(), en: z.string().optional() })
const share = z.object({ attempts: z.number(), correct: z.number(), share: z.number().nullable() })
const nullableInt = z.number().nullable()

const ResponseSchema = z.object({
  classId: z.string(),
  className: z.string(),
  memberCount: z.number(),
  lessons: z.array(
    z.object({
      lessonId: z.string(),
      title: localized,
      membersWithPost: z.number(),
      questions: z.array(
        z.object({
          questionId: z.string(),
          number: z.number(),
          kind: z.enum(['single', 'multiple', 'truefalse']),
          prompt: localized,
          post: share,
          pre: share.nullable(),
        }),
      ),
      prePost: z
        .object({
          questionIds: z.array(z.string()),
          total: z.number(),
          members: z.array(
            z.object({
              memberId: z.string(),
              displayName: z.string(),
              pre: nullableInt,
              post: nullableInt,
              total: z.number(),
              delta: nullableInt,
            }),
          ),
          summary: z.object({
            membersWithPre: z.number(),
            membersWithPost: z.number(),
            membersWithBoth: z.number(),
            meanPre: z.number().nullable(),
            meanPost: z.number().nullable(),
            meanDelta: z.number().nullable(),
            improved: z.number(),
            unchanged: z.number(),
            declined: z.number(),
            signTestP: z.number().nullable(),
          }),
        })
        .nullable(),
    }),
  ),
})

export async function fetchLearningEffect(
  classId: string,
  doFetch: typeof fetch = fetch,
): Promise<EffectOutcome> {
  let res: Response
  try {
    res = await doFetch(`/api/classes/${encodeURIComponent(classId)}/learning-effect`, {
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    return { kind: 'offline' }
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json')
  const body: unknown = isJson ? await res.json().catch(() => undefined) : undefined
  if (body === undefined) return { kind: 'offline' }
  if (res.status === 401) return { kind: 'logged-out' }
  if (res.status === 403) return { kind: 'forbidden' }
  if (res.status === 404) return { kind: 'not-found' }
  if (!res.ok) return { kind: 'error', status: res.status }
  const parsed = ResponseSchema.safeParse(body)
  return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'error', status: res.status }
}
