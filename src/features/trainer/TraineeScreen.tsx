import type { ClassDashboard, DashboardRow } from '../../domain/classes/dashboard.ts'
import { Localized, useLocalizedString, usePreferences } from '../../i18n/i18n.tsx'
import type { SessionInfo } from '../../platform/session.ts'
import { formatDateTime } from '../../ui/format.ts'
import { useContent } from '../shell/content-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { ClassExports } from './ClassTools.tsx'
import { FlagList, LessonCellView, percent, StopCellView } from './cells.tsx'
import { FeedProblem } from './FeedProblem.tsx'
import { FeedStatus } from './FeedStatus.tsx'
import { useTrainerStrings } from './strings.ts'
import { TraineePassword } from './TraineePassword.tsx'
import { TrainerGate } from './TrainerGate.tsx'
import { useClassFeed } from './use-class-feed.ts'
import { useDashboard } from './use-dashboard.ts'
import './trainer.css'
import { ScreenHeading } from './ScreenHeading.tsx'

/** /trainer/classes/:id/members/:memberId: one member's check-ins, lessons, scores and reflections. */
export default function TraineeScreen({ classId, memberId }: { classId: string; memberId: string }) {
  const s = useTrainerStrings()
  return (
    <TrainerGate title={s.homeTitle}>
      {(session) => <Trainee classId={classId} memberId={memberId} session={session} />}
    </TrainerGate>
  )
}

function Trainee({
  classId,
  memberId,
  session,
}: {
  classId: string
  memberId: string
  session: SessionInfo
}) {
  const s = useTrainerStrings()
  const { state, refresh } = useClassFeed(classId, session.userId)
  const dashboards = useDashboard(state)
  const row = dashboards?.all.rows.find((r) => r.member.id === memberId)
  if (state.status !== 'ready' || !dashboards) return <FeedProblem state={state} onRetry={refresh} />
  const back = (
    <p>
      <Link to={paths.trainerClass(classId)} className="back-link">
        {s.traineeBack}
      </Link>
    </p>
  )
  if (!row)
    return (
      <>
        <ScreenHeading title={s.homeTitle} />
        <p role="alert">{s.traineeNotInClass}</p>
        {back}
      </>
    )
  return (
    <>
      {back}
      <ScreenHeading title={row.member.displayName} />
      <p className="meta">
        {state.snapshot.detail.class.name}
        {row.member.memberNumber && <> · {s.memberNumber(row.member.memberNumber)}</>}
        {row.member.branchName && <> · {s.branch(row.member.branchName)}</>}
      </p>
      <p className="class-summary">
        {s.rowTotals(
          row.totals.stopsPresent,
          dashboards.all.columns.stops.length,
          row.totals.lessonsCompleted,
          dashboards.all.columns.lessons.length,
        )}
        {row.totals.meanScore !== null && <> · {s.summaryMeanScore(percent(row.totals.meanScore))}</>}
      </p>
      <FeedStatus state={state} onRefresh={refresh} />
      <Checkins row={row} dashboard={dashboards.all} />
      <Lessons row={row} dashboard={dashboards.all} />
      <Reflections row={row} />
      <ClassExports classId={classId} memberId={memberId} online={state.connection === 'live'} />
      <TraineePassword
        classId={classId}
        memberId={memberId}
        name={row.member.displayName}
        online={state.connection === 'live'}
      />
    </>
  )
}

function Checkins({ row, dashboard }: { row: DashboardRow; dashboard: ClassDashboard }) {
  const s = useTrainerStrings()
  if (dashboard.columns.stops.length === 0) return null
  return (
    <section aria-labelledby="trainee-checkins">
      <h2 id="trainee-checkins">{s.checkinsTitle}</h2>
      <ul className="card-list">
        {dashboard.columns.stops.map((col, i) => {
          const cell = row.stops[i]
          return (
            cell && (
              <li key={col.key} className={`card trainee-item${cell.present ? ' is-done' : ''}`}>
                <h3>
                  <Localized text={col.name} /> <span className="meta">{s.day(col.day)}</span>
                </h3>
                <StopCellView cell={cell} />
              </li>
            )
          )
        })}
      </ul>
    </section>
  )
}

function Lessons({ row, dashboard }: { row: DashboardRow; dashboard: ClassDashboard }) {
  const s = useTrainerStrings()
  if (dashboard.columns.lessons.length === 0) return null
  return (
    <section aria-labelledby="trainee-lessons">
      <h2 id="trainee-lessons">{s.lessonsTitle}</h2>
      <ul className="card-list">
        {dashboard.columns.lessons.map((col, i) => {
          const cell = row.lessons[i]
          return (
            cell && (
              <li key={col.key} className={`card trainee-item${cell.completed ? ' is-done' : ''}`}>
                <h3>
                  <Localized text={col.title} />
                </h3>
                <LessonCellView cell={cell} />
              </li>
            )
          )
        })}
      </ul>
    </section>
  )
}

function Reflections({ row }: { row: DashboardRow }) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const text = useLocalizedString()
  const about = (lessonId: string | null, siteId: string | null) => {
    const lesson = lessonId ? content.lesson(lessonId) : undefined
    const site = siteId ? content.site(siteId) : undefined
    return lesson ? text(lesson.title) : site ? text(site.name) : (lessonId ?? siteId)
  }
  return (
    <section aria-labelledby="trainee-reflections">
      <h2 id="trainee-reflections">{s.reflectionsTitle}</h2>
      {row.reflections.length === 0 ? (
        <p>{s.noReflections}</p>
      ) : (
        <ul className="card-list">
          {row.reflections.map((r) => {
            const what = about(r.lessonId, r.siteId)
            return (
              <li key={r.recordId} className="card">
                {what && <h3>{s.reflectionAbout(what)}</h3>}
                <p className="meta">{s.at(formatDateTime(r.at, prefs.lang))}</p>
                <p className="reflection-text">{r.text}</p>
                <FlagList flags={r.flags} />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
