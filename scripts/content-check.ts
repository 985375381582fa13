/**
 * `npm run content:check [dir] [--allow-warnings]`: validates routes-data/ (or `dir`, laid out
 * the same way) and prints every problem as `file: field.path: value rule`. Exits 1 on any
 * error, and on any warning unless --allow-warnings is given. Notices (such as coordinates less
 * sure than the 200 m aim) are printed and never fail.
 */
import { resolve } from 'node:path'
import { describeIssues, loadContent } from '../build/content-loader.ts'

const args = process.argv.slice(2)
const allowWarnings = args.includes('--allow-warnings')
const dirArg = args.find((a) => !a.startsWith('--'))
const root = process.cwd()
const result = loadContent(root, dirArg ? resolve(dirArg) : undefined)
const errors = result.issues.filter((i) => i.severity === 'error')
const warnings = result.issues.filter((i) => i.severity === 'warning')
const notices = result.issues.filter((i) => i.severity === 'notice')
if (result.issues.length > 0) console.error(describeIssues(result.issues))
if (result.pack) {
  const { routes, sites, lessons } = result.pack
  const questions = lessons.reduce((n, l) => n + l.quiz.questions.length, 0)
  console.log(
    `content ${result.pack.version}: ${routes.length} routes, ${sites.length} sites, ${lessons.length} lessons, ${questions} quiz questions`,
  )
}
console.log(
  `${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices in ${result.files.length} files`,
)
process.exit(errors.length > 0 || (warnings.length > 0 && !allowWarnings) ? 1 : 0)
