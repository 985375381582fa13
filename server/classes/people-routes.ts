import { sql } from 'kysely'
import { z } from 'zod'
import { requireRole } from '../auth/middleware.ts'
import type { AppServices } from '../context.ts'
import type { ApiRegistry } from '../http/registry.ts'

/**
 * Picking people for a class: trainers and admins search the enabled accounts by role, branch
 * and a piece of the name, username or member number. Members get 403: the directory of who
 * is a party member, and where, is for the staff who organise the training.
 */

const PeopleQuery = z.strictObject({
  role: z.enum(['member', 'trainer', 'admin']).optional(),
  branch: z.string().min(1).max(80).optional().meta({ description: 'A branch id (GET /api/branches)' }),
  q: z.string().max(80).optional().meta({ description: 'Part of the name, username or member number' }),
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Default 100' }),
})

const PersonRowSchema = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'trainer', 'admin']),
  memberNumber: z.string().nullable(),
  branch: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
})

/** `%`, `_` and the escape character itself, escaped for LIKE … ESCAPE '\'. */
const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`)

export function peopleRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'get',
      path: '/api/people',
      tag: 'classes',
      summary: 'Search enabled accounts to add to a class',
      access: 'trainers and admins (members: 403)',
      query: PeopleQuery,
      responses: {
        200: {
          description: 'People by username; `more` when the limit cut the list',
          schema: z.strictObject({ people: z.array(PersonRowSchema), more: z.boolean() }),
        },
        403: { description: '`forbidden`: a member account' },
      },
    },
    async (c, { query }) => {
      requireRole(c, 'trainer', 'admin')
      const limit = query.limit ?? 100
      let q = s.db
        .selectFrom('users')
        .leftJoin('branches', 'branches.id', 'users.branch_id')
        .select([
          'users.id',
          'users.display_name',
          'users.role',
          'users.member_number',
          'branches.id as branch_id',
          'branches.name as branch_name',
        ])
        .where('users.disabled_at', 'is', null)
      if (query.role) q = q.where('users.role', '=', query.role)
      if (query.branch) q = q.where('users.branch_id', '=', query.branch)
      const text = query.q?.normalize('NFKC').trim().toLowerCase()
      if (text) {
        const pattern = `%${likeEscaped(text)}%`
        q = q.where((eb) =>
          eb.or(
            (['users.display_name', 'users.username', 'users.member_number'] as const).map(
              (col) => sql<boolean>`lower(${eb.ref(col)}) like ${pattern} escape '\\'`,
            ),
          ),
        )
      }
      const rows = await q
        .orderBy('users.username')
        .limit(limit + 1)
        .execute()
      return c.json(
        {
          people: rows.slice(0, limit).map((r) => ({
            id: r.id,
            displayName: r.display_name,
            role: r.role,
            memberNumber: r.member_number,
            branch: r.branch_id && r.branch_name ? { id: r.branch_id, name: r.branch_name } : null,
          })),
          more: rows.length > limit,
        },
        200,
      )
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/branches',
      tag: 'classes',
      summary: 'The branches (党支部) with how many enabled member accounts each has',
      access: 'trainers and admins (members: 403)',
      responses: {
        200: {
          description: 'Branches by name',
          schema: z.strictObject({
            branches: z.array(
              z.strictObject({ id: z.string(), name: z.string(), members: z.number().int() }),
            ),
          }),
        },
        403: { description: '`forbidden`: a member account' },
      },
    },
    async (c) => {
      requireRole(c, 'trainer', 'admin')
      const rows = await s.db
        .selectFrom('branches')
        .leftJoin('users', (j) =>
          j
            .onRef('users.branch_id', '=', 'branches.id')
            .on('users.role', '=', 'member')
            .on('users.disabled_at', 'is', null),
        )
        .select(['branches.id', 'branches.name', (eb) => eb.fn.count<number>('users.id').as('members')])
        .groupBy(['branches.id', 'branches.name'])
        .execute()
      const collator = new Intl.Collator('zh-CN')
      return c.json(
        {
          branches: rows
            .map((r) => ({ id: r.id, name: r.name, members: Number(r.members) }))
            .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)),
        },
        200,
      )
    },
  )
}
