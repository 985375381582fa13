import { type FormEvent, useEffect, useState } from 'react'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import {
  type ApiResult,
  type Coverage,
  type CoverageCounts,
  type CoverageRow,
  coverageCsvUrl,
  fetchCoverage,
} from './api.ts'
import { chinaToday } from './new-class-form.ts'
import { useTrainerStrings } from './strings.ts'
import './trainer.css'
import './coverage.css'
import { ScreenHeading } from './ScreenHeading.tsx'

/**
 * /coverage (全覆盖): for organisers (admins), how many members per branch took part in training,
 * who in each branch did not (to follow up), and the period as a CSV of every member.
 */
export default function CoverageScreen(_props: Record<string, never>) {
  const s = useTrainerStrings()
  const { state, session } = useRecords()
  if (state.status === 'opening') return <StatusMessage title={s.loading} level={1} />
  if (session?.role !== 'admin')
    return (
      <>
        <ScreenHeading title={s.coverageTitle} />
        <StatusMessage title={s.coverageOnlyAdmins} tone="error">
          {!session && (
            <Link to={paths.login()} className="button-link primary">
              {s.logIn}
            </Link>
          )}
        </StatusMessage>
      </>
    )
  return <CoverageReport />
}

function CoverageReport() {
  const s = useTrainerStrings()
  const today = chinaToday()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [asked, setAsked] = useState({ from, to })
  const [result, setResult] = useState<ApiResult<Coverage> | 'loading' | 'bad-range'>('loading')

  useEffect(() => {
    let live = true
    setResult('loading')
    void fetchCoverage(asked.from, asked.to).then((r) => live && setResult(r))
    return () => {
      live = false
    }
  }, [asked])

  const show = (e: FormEvent) => {
    e.preventDefault()
    if (to < from) return setResult('bad-range')
    setAsked({ from, to })
  }

  return (
    <>
      <ScreenHeading title={s.coverageTitle} />
      <p className="lead">{s.coverageIntro}</p>
      <form className="trainer-form coverage-form" onSubmit={show}>
        <div className="field">
          <label htmlFor="coverage-from">{s.coverageFrom}</label>
          <input id="coverage-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="coverage-to">{s.coverageTo}</label>
          <input id="coverage-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <p className="actions">
          <button type="submit">{s.coverageShow}</button>
        </p>
      </form>
      {result === 'loading' && <StatusMessage title={s.loading} />}
      {result === 'bad-range' && <StatusMessage title={s.coverageBadRange} tone="error" />}
      {typeof result === 'object' && !result.ok && (
        <StatusMessage
          title={
            result.kind === 'offline'
              ? s.coverageNeedsOnline
              : result.kind === 'forbidden' || result.kind === 'logged-out'
                ? s.coverageOnlyAdmins
                : result.kind === 'invalid'
                  ? s.serverSays(result.message)
                  : s.loadError(result.kind === 'error' ? result.status : 0)
          }
          tone="error"
        />
      )}
      {typeof result === 'object' && result.ok && (
        <>
          <CoverageTable coverage={result.value} />
          <FollowUp rows={result.value.rows} />
          <CoverageExport from={result.value.from} to={result.value.to} />
        </>
      )}
    </>
  )
}

const rate = (c: CoverageCounts) => (c.members === 0 ? '—' : `${Math.round((c.any / c.members) * 100)}%`)

function CoverageTable({ coverage }: { coverage: Coverage }) {
  const s = useTrainerStrings()
  if (coverage.rows.length === 0) return <p>{s.coverageEmpty}</p>
  // The rate comes first after the branch: on a phone the last columns are off the screen.
  const counts = (c: CoverageCounts) => (
    <>
      <td className="num">{rate(c)}</td>
      <td className="num">{c.members}</td>
      <td className="num">{c.attendedClass}</td>
      <td className="num">{c.completedRoute}</td>
      <td className="num">{c.vrLesson}</td>
      <td className="num">{c.any}</td>
    </>
  )
  return (
    <>
      <p className="hint">{s.coverageScrollHint}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="grid-scroll" aria-label={s.coverageTitle} tabIndex={0}>
        <table className="coverage-table" data-testid="coverage-table">
          <caption>{s.classDates(coverage.from, coverage.to)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.coverageBranch}</th>
              <th scope="col" className="num">
                {s.coverageRate}
              </th>
              <th scope="col" className="num">
                {s.coverageMembers}
              </th>
              <th scope="col" className="num">
                {s.coverageAttended}
              </th>
              <th scope="col" className="num">
                {s.coverageRouteDone}
              </th>
              <th scope="col" className="num">
                {s.coverageVr}
              </th>
              <th scope="col" className="num">
                {s.coverageTrained}
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((r) => (
              <tr key={r.branchId ?? ''}>
                <th scope="row">{r.branchName ?? s.noBranch}</th>
                {counts(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{s.coverageTotal}</th>
              {counts(coverage.totals)}
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  )
}

/** Per branch with members, a disclosure listing those no measure reached, or that all were. */
function FollowUp({ rows }: { rows: readonly CoverageRow[] }) {
  const s = useTrainerStrings()
  const groups = rows.filter((r) => r.members > 0)
  if (groups.length === 0) return null
  return (
    <section aria-labelledby="coverage-followup-title" className="coverage-followup">
      <h2 id="coverage-followup-title">{s.coverageFollowUpTitle}</h2>
      <p className="hint">{s.coverageFollowUpIntro}</p>
      <ul className="coverage-branches" data-testid="coverage-untrained">
        {groups.map((r) => {
          const branch = r.branchName ?? s.noBranch
          return (
            <li key={r.branchId ?? ''}>
              {r.untrained.length === 0 ? (
                <p className="coverage-all-trained">{s.coverageAllTrained(branch)}</p>
              ) : (
                <details>
                  <summary>{s.coverageUntrainedSummary(branch, r.untrained.length)}</summary>
                  <ul className="coverage-people">
                    {r.untrained.map((p) => (
                      <li key={p.username}>
                        <span className="coverage-person">{p.displayName}</span>
                        <span className="coverage-person-ids">
                          {s.coverageUsername(p.username)}
                          {p.memberNumber !== null && ` · ${s.coverageMemberNumber(p.memberNumber)}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** The server writes the file (GET /api/coverage.csv), as it does the class archive's. */
function CoverageExport({ from, to }: { from: string; to: string }) {
  const s = useTrainerStrings()
  return (
    <section aria-labelledby="coverage-export-title" className="coverage-export">
      <h2 id="coverage-export-title">{s.coverageExportTitle}</h2>
      <p className="actions">
        <a className="button-link" href={coverageCsvUrl(from, to)} download>
          {s.coverageExportCsv}
        </a>
      </p>
      <p className="hint">{s.coverageExportHint(from, to)}</p>
    </section>
  )
}
