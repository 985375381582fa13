import type { ClassDashboard, StopCell } from '../../domain/classes/dashboard.ts'
import { needsAttention } from '../../domain/records/flag-text.ts'
import { Localized } from '../../i18n/i18n.tsx'
import { Link, paths } from '../shell/router.tsx'
import { LessonCellView, percent, StopCellView } from './cells.tsx'
import { useTrainerStrings } from './strings.ts'

/**
 * Members × stops and lessons. On a phone the table scrolls sideways inside its own region
 * (focusable, so a keyboard can scroll it) while the name column stays put. Each member's totals
 * come right after the name: on a tablet the last of 16 columns was off the screen.
 */
export function DashboardGrid({ dashboard, classId }: { dashboard: ClassDashboard; classId: string }) {
  const s = useTrainerStrings()
  const { stops, lessons } = dashboard.columns
  return (
    <div className="grid-wide">
      <h2 id="grid-title">{s.gridTitle}</h2>
      <p className="hint">{s.gridHint}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="grid-scroll" aria-labelledby="grid-title" tabIndex={0}>
        <table className="class-grid" data-testid="class-grid">
          <thead>
            <tr>
              <th scope="col" className="sticky-col">
                {s.member}
              </th>
              <th scope="col">{s.totals}</th>
              {stops.map((c) => (
                <th scope="col" key={c.key} className="col-stop">
                  <Localized text={c.name} />
                  <span className="cell-detail">{s.day(c.day)}</span>
                </th>
              ))}
              {lessons.map((c) => (
                <th scope="col" key={c.key} className="col-lesson">
                  <Localized text={c.title} />
                  {c.sceneIds.length > 0 && <span className="cell-detail">{s.lessonScene}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.rows.map((row) => (
              <tr key={row.member.id}>
                <th scope="row" className="sticky-col">
                  <Link to={paths.trainerMember(classId, row.member.id)}>{row.member.displayName}</Link>
                  {row.member.branchName && <span className="cell-detail">{row.member.branchName}</span>}
                </th>
                <td>
                  {s.rowTotals(
                    row.totals.stopsPresent,
                    stops.length,
                    row.totals.lessonsCompleted,
                    lessons.length,
                  )}
                  {row.totals.meanScore !== null && (
                    <span className="cell-detail">{s.summaryMeanScore(percent(row.totals.meanScore))}</span>
                  )}
                </td>
                {row.stops.map((cell, i) => (
                  <td key={stops[i]?.key ?? i} className={cellClass(cell.present, stopFlags(cell))}>
                    <StopCellView cell={cell} />
                  </td>
                ))}
                {row.lessons.map((cell, i) => (
                  <td key={lessons[i]?.key ?? i} className={cellClass(cell.completed, cell.flags)}>
                    <LessonCellView cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="sticky-col">
                {s.columnTotals}
              </th>
              <td />
              {dashboard.summary.stops.map((st, i) => (
                <td key={stops[i]?.key ?? i}>{s.presentOf(st.present, dashboard.summary.members)}</td>
              ))}
              {dashboard.summary.lessons.map((l, i) => (
                <td key={lessons[i]?.key ?? i}>
                  {s.completedOf(l.completed, dashboard.summary.members)}
                  {l.meanScore !== null && (
                    <span className="cell-detail">{s.summaryMeanScore(percent(l.meanScore))}</span>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  )
}

const stopFlags = (cell: StopCell) => [...(cell.checkin?.flags ?? []), ...(cell.attestation?.flags ?? [])]

/** Done cells are green; done but flagged for a look, amber (the flags say why in words). */
function cellClass(done: boolean, flags: readonly string[]): string | undefined {
  if (needsAttention(flags)) return 'is-flagged'
  return done ? 'is-done' : undefined
}
