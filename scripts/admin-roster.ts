/**
 * `npm run admin:roster -- roster.csv [--dry-run] [--out credentials.csv]`: creates or updates
 * accounts from a roster (花名册) CSV with the columns name, member_number, branch, role (or
 * 姓名, 党员编号, 党支部, 角色). The member number becomes the login name. Every row is checked
 * first and nothing is written if any is wrong; then all rows are written in one transaction. New accounts get a generated password, written
 * once to --out (created with mode 600) or printed; hand them out and delete the file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { runCommand, UsageError, withDatabase } from '../server/admin/cli.ts'
import { applyRoster, readRoster } from '../server/admin/roster.ts'
import { decodeCsvBytes } from '../server/classes/roster-csv.ts'
import { tableToCsv } from '../src/domain/archive/csv-writer.ts'

const USAGE = 'usage: npm run admin:roster -- roster.csv [--dry-run] [--out credentials.csv]'

await runCommand(USAGE, async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, out: { type: 'string' } },
  })
  const file = positionals[0]
  if (!file) throw new UsageError('name the roster CSV file')
  const { rows, problems } = readRoster(decodeCsvBytes(readFileSync(file)))
  if (problems.length > 0) {
    for (const p of problems) console.error(`${file}:${p.line}: ${p.column}: ${p.message}`)
    throw new Error(`${problems.length} problem(s); nothing was imported`)
  }
  const dryRun = values['dry-run'] === true
  const outcome = await withDatabase(({ db }) => applyRoster(db, rows, new Date(), { dryRun }))
  if (outcome.problems.length > 0) {
    for (const p of outcome.problems) console.error(`${file}:${p.line}: ${p.column}: ${p.message}`)
    throw new Error(`${outcome.problems.length} problem(s); nothing was imported`)
  }
  if (dryRun) {
    console.log(
      `${outcome.created.length} would be created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged; nothing was written (--dry-run)`,
    )
    return
  }
  // As Excel on a Chinese PC opens it (a byte order mark, quoting, no formula in a name).
  const credentials = tableToCsv({
    header: ['username', 'name', 'password'],
    rows: outcome.created.map((c) => [c.username, c.displayName, c.password ?? '']),
  })
  if (outcome.created.length > 0) {
    if (values.out) {
      writeFileSync(values.out, credentials, { mode: 0o600 })
      console.log(`initial passwords written to ${values.out}`)
    } else console.log(credentials.replace(/^\uFEFF/, '').trimEnd())
  }
  console.log(
    `${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged`,
  )
})
