/**
 * `npm run admin:class -- <command> [options]`: classes (培训班次) from the server's shell, until
 * the admin screens exist.
 *
 *   create --id ID --name NAME --route ROUTE --starts YYYY-MM-DD --ends YYYY-MM-DD [--trainers u1,u2] [--members u3,u4]
 *   add --id ID [--trainers u1] [--members u3,u4]     (usernames; adding twice is harmless)
 *   list
 */
import { parseArgs } from 'node:util'
import { addToClass, createClass, listClasses } from '../server/admin/classes.ts'
import { runCommand, UsageError, withDatabase } from '../server/admin/cli.ts'
import { loadConfig } from '../server/config.ts'
import { loadPack } from '../server/start.ts'

const USAGE = `usage: npm run admin:class -- create --id ID --name NAME --route ROUTE --starts YYYY-MM-DD --ends YYYY-MM-DD [--trainers a,b] [--members c,d]
       npm run admin:class -- add --id ID [--trainers a] [--members c,d]
       npm run admin:class -- list`

await runCommand(USAGE, async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      route: { type: 'string' },
      starts: { type: 'string' },
      ends: { type: 'string' },
      trainers: { type: 'string' },
      members: { type: 'string' },
    },
  })
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  const command = positionals[0]
  await withDatabase(async ({ db }) => {
    if (command === 'create') {
      const { id, name, route, starts, ends } = values
      if (!id || !name || !route || !starts || !ends)
        throw new UsageError('--id, --name, --route, --starts and --ends are required')
      const routes = loadPack(loadConfig().projectRoot).routes.map((r) => r.id as string)
      await createClass(db, { id, name, routeId: route, startsOn: starts, endsOn: ends }, routes, new Date())
      await addToClass(db, id, list(values.trainers), list(values.members))
      console.log(`created class ${id}`)
    } else if (command === 'add') {
      if (!values.id) throw new UsageError('--id is required')
      await addToClass(db, values.id, list(values.trainers), list(values.members))
      console.log(`updated class ${values.id}`)
    } else if (command === 'list') {
      for (const c of await listClasses(db))
        console.log(
          [
            c.id,
            c.name,
            c.route_id,
            `${c.starts_on}..${c.ends_on}`,
            `${c.trainers} trainer(s)`,
            `${c.members} member(s)`,
          ].join('\t'),
        )
    } else throw new UsageError(command ? `unknown command ${command}` : 'no command given')
  })
})
