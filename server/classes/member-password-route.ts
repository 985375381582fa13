import { z } from 'zod'
import { setPassword } from '../admin/users.ts'
import { requireUser } from '../auth/middleware.ts'
import { generatePassword } from '../auth/passwords.ts'
import type { AppServices } from '../context.ts'
import { forbidden, notFound } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { enrolledByAdmin } from './enrolment.ts'
import { classForItsStaff } from './manage-routes.ts'

/**
 * A forgotten password on a field trip: the member's trainer is there, the admin may not be. A
 * trainer of the class (or an admin) gives a member of it a new password made by the server,
 * answered once; every session of the member ends, and their unsynced records wait on their
 * devices until they log in with it. Only member accounts of this class: never a trainer or
 * an admin, never someone outside the class (404, as if there were no such member). Logged
 * with who did it, for the audit trail.
 *
 * A trainer may do it only for members an admin put in the class (the roster). A trainer can
 * add any member to their class (补录学员); if they could then reset that member's password,
 * any trainer could log in as any member, read all of their history (which enrolment.ts bounds
 * for a class) and make records in their name. A member the trainer added themself gets a new
 * password from an admin (403 `forbidden`, said plainly on the trainee screen).
 */
export function memberPasswordRoute(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'post',
      path: '/api/classes/:classId/members/:userId/reset-password',
      tag: 'classes',
      summary: 'Give a member of the class a new password made by the server (a forgotten one)',
      access: 'its trainers and admins (members: 403, others: 404)',
      responses: {
        200: {
          description: 'The new password, shown once; all the member’s sessions ended',
          schema: z.strictObject({
            username: z.string().meta({ description: 'What the member logs in with' }),
            password: z.string(),
          }),
        },
        403: {
          description:
            '`forbidden`: a member of the class; or a trainer, for a member they added to the class themself (an admin resets theirs)',
        },
        404: { description: '`not_found`: no such class, or no such member account in it' },
      },
    },
    async (c) => {
      const user = requireUser(c)
      const { cls } = await classForItsStaff(s.db, pathParam(c, 'classId'), user)
      const target = await s.db
        .selectFrom('class_members')
        .innerJoin('users', 'users.id', 'class_members.user_id')
        .select(['users.id', 'users.username', 'class_members.untagged_from'])
        .where('class_members.class_id', '=', cls.id)
        .where('class_members.user_id', '=', pathParam(c, 'userId'))
        .where('users.role', '=', 'member')
        .executeTakeFirst()
      if (!target) throw notFound('no such member in this class')
      if (user.role !== 'admin' && !enrolledByAdmin(target.untagged_from))
        throw forbidden('a member you added to the class yourself: an admin gives them a new password')
      const password = generatePassword()
      await setPassword(s.db, target.id, password, s.now(), s.scrypt)
      s.guide?.sessionsEnded({ userId: target.id })
      s.log('class.password.reset', { user: user.id, class: cls.id, target: target.id })
      c.header('cache-control', 'no-store')
      return c.json({ username: target.username, password }, 200)
    },
  )
}
