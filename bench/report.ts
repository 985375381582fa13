/**
 * `npm run bench:report`: turns bench/results.json into bench/REPORT.md: a summary table of
 * every goal (figure, goal, peer of the same run and the ratio, ✓/✗, or "not measured"), then a
 * section per area, then the machine, date and commit. `npm run bench` calls it at the end.
 * Sections it has no code for (other benchmarks add theirs) are rendered generically.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { isRecord, str, table, verdict } from './report/format.ts'
import { genericSection } from './report/generic.ts'
import { ingestSection } from './report/ingest-section.ts'
import {
  drainSection,
  guideSection,
  jsSection,
  lighthouseSection,
  machineSection,
  panoramaSection,
  saveSection,
  spikeSection,
  vrSection,
} from './report/sections.ts'
import { KNOWN_SECTIONS, summaryRows } from './report/summary.ts'

export const RESULTS_PATH = 'bench/results.json'
export const REPORT_PATH = 'bench/REPORT.md'

const SECTIONS: readonly [string, (r: Record<string, unknown>) => string | undefined][] = [
  ['JS per screen', jsSection],
  ['Tap to durably saved', saveSection],
  ['Outbox drain (issue 4)', drainSection],
  ['Theme-day spike', spikeSection],
  ['Server ingest (issue 4)', ingestSection],
  ['Guided mode', guideSection],
  ['VR scenes', vrSection],
  ['First panorama frame', panoramaSection],
  ['Lighthouse (mobile)', lighthouseSection],
]

/**
 * Sections the summary knows but that have no section of their own (or, for `ingest`, one that
 * cannot read this shape of it): listed generically too.
 */
const genericAlso = (key: string, results: Record<string, unknown>) =>
  ['guide', 'warmStart', 'mapIdle', 'mapPack'].includes(key) ||
  (key === 'ingest' && ingestSection(results) === undefined)

export function renderReport(results: Record<string, unknown>): string {
  const rows = summaryRows(results)
  const met = rows.filter((r) => r.ok === true).length
  const missed = rows.filter((r) => r.ok === false).length
  const unmeasured = rows.filter((r) => r.ok === undefined).length
  const machine = isRecord(results.machine) ? results.machine : {}
  const commit = isRecord(results.commit) ? str(results.commit.sha)?.slice(0, 10) : undefined
  const out: string[] = [
    '# 红途 Hongtu: benchmark report',
    '',
    `Generated from \`bench/results.json\` (run of ${str(results.generatedAt) ?? 'unknown date'}, commit ${commit ?? 'unknown'}) on ${machine.cpus ?? '?'} × ${str(machine.cpuModel) ?? '?'}${str(machine.note) ? `, ${str(machine.note)}` : ''}. Regenerate with \`npm run bench:report\`; measure with \`npm run bench\`.`,
    '',
    'Wall-clock figures on a small shared machine are noisy (±20–30 %): read them beside the peer measured in the same run, as a ratio; gate on counts and bytes only (notes/performance.md).',
    '',
    '## Summary',
    '',
    `${met} met, ${missed} missed, ${unmeasured} not measured.`,
    '',
    table(
      ['area', 'metric', 'figure', 'goal', 'peer (same run)', 'ours ÷ peer', ''],
      rows.map((r) => [r.area, r.metric, r.figure, r.goal, r.peer, r.ratio, verdict(r.ok)]),
    ),
  ]
  for (const [title, render] of SECTIONS) {
    const body = render(results)
    if (body) out.push(`## ${title}`, '', body, '')
  }
  for (const key of Object.keys(results))
    if (!KNOWN_SECTIONS.has(key) || genericAlso(key, results))
      out.push(
        `## ${key}`,
        '',
        '_Rendered generically from results.json._',
        '',
        genericSection(results[key]),
        '',
      )
  out.push('## Machine', '', machineSection(results))
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}

export function writeReport(resultsPath = RESULTS_PATH, reportPath = REPORT_PATH): string {
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>
  const temp = `${reportPath}.tmp-${process.pid}`
  writeFileSync(temp, renderReport(results))
  renameSync(temp, reportPath)
  return reportPath
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(`wrote ${writeReport()}`)
