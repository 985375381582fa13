import { z } from 'zod'
import { ROLES } from '../db/tables.ts'

/** A user as the API shows them. Never includes the password hash. */
export const UserViewSchema = z.strictObject({
  id: z.string().meta({ description: 'Also the memberId of every record this user makes.' }),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES as ['member', 'trainer', 'admin']),
  branch: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  memberNumber: z.string().nullable(),
  disabled: z.boolean(),
  passwordGiven: z.boolean().meta({
    description:
      'The password was set by someone else (an admin, a trainer, a roster import) and the user has not changed it since; the app asks them to.',
  }),
})
export type UserView = z.infer<typeof UserViewSchema>
