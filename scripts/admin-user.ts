/**
 * `npm run admin:user -- <command> [options]`: manage accounts from the server's shell.
 *
 *   create --username U --name NAME --role member|trainer|admin [--branch 党支部] [--member-number N] [--password P]
 *   disable --username U        (ends all of the user's sessions at once)
 *   enable --username U
 *   reset-password --username U [--password P]   (ends all sessions)
 *   list
 *
 * Without --password a strong one is generated and printed once. Uses the same database as the
 * server (DATABASE_URL, or the SQLite file under HONGTU_DATA_DIR, default data/).
 */
import { parseArgs } from 'node:util'
import { runCommand, UsageError, withDatabase } from '../server/admin/cli.ts'
import { createUser, findUserByUsername, listUsers, setDisabled, setPassword } from '../server/admin/users.ts'
import { generatePassword } from '../server/auth/passwords.ts'
import { ROLES, type Role } from '../server/db/tables.ts'

const USAGE = `usage: npm run admin:user -- create --username U --name NAME --role member|trainer|admin [--branch B] [--member-number N] [--password P]
       npm run admin:user -- disable|enable|reset-password --username U [--password P]
       npm run admin:user -- list`

await runCommand(USAGE, async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      branch: { type: 'string' },
      'member-number': { type: 'string' },
      password: { type: 'string' },
    },
  })
  const command = positionals[0]
  const username = () => {
    if (!values.username) throw new UsageError('--username is required')
    return values.username
  }
  await withDatabase(async ({ db }) => {
    const now = new Date()
    const existing = async () => {
      const user = await findUserByUsername(db, username())
      if (!user) throw new Error(`no user ${username()}`)
      return user
    }
    if (command === 'create') {
      const role = values.role as Role
      if (!ROLES.includes(role)) throw new UsageError('--role must be member, trainer or admin')
      if (!values.name) throw new UsageError('--name is required')
      const password = values.password ?? generatePassword()
      await createUser(
        db,
        {
          username: username(),
          displayName: values.name,
          role,
          branchName: values.branch ?? null,
          memberNumber: values['member-number'] ?? null,
          password,
        },
        now,
      )
      console.log(`created ${role} ${username()}${values.password ? '' : `, password: ${password}`}`)
    } else if (command === 'disable' || command === 'enable') {
      const user = await existing()
      await setDisabled(db, user.id, command === 'disable', now)
      console.log(`${command}d ${user.username}${command === 'disable' ? ' (all sessions ended)' : ''}`)
    } else if (command === 'reset-password') {
      const user = await existing()
      const password = values.password ?? generatePassword()
      await setPassword(db, user.id, password, now)
      console.log(
        `new password for ${user.username}${values.password ? ' set' : `: ${password}`} (all sessions ended)`,
      )
    } else if (command === 'list') {
      for (const u of await listUsers(db))
        console.log(
          [
            u.username,
            u.role,
            u.displayName,
            u.branch?.name ?? '-',
            u.memberNumber ?? '-',
            u.disabled ? 'DISABLED' : '',
          ].join('\t'),
        )
    } else throw new UsageError(command ? `unknown command ${command}` : 'no command given')
  })
})
