import { useEffect, useState } from 'react'
import type { ClassDashboard, DashboardBranch } from '../../domain/classes/dashboard.ts'
import type { SessionInfo } from '../../platform/session.ts'
import { prefetchSigningKey } from '../attest/useSigningKey.ts'
import { ClassFacts } from './ClassFacts.tsx'
import { ClassKeyRotation } from './ClassKeyRotation.tsx'
import { ClassManage } from './ClassManage.tsx'
import { ClassExports, ClassTools } from './ClassTools.tsx'
import { percent } from './cells.tsx'
import { DashboardGrid } from './DashboardGrid.tsx'
import { FeedProblem } from './FeedProblem.tsx'
import { FeedStatus } from './FeedStatus.tsx'
import { useTrainerStrings } from './strings.ts'
import { TrainerGate } from './TrainerGate.tsx'
import { useClassFeed } from './use-class-feed.ts'
import { useDashboard } from './use-dashboard.ts'
import './trainer.css'
import { ScreenHeading } from './ScreenHeading.tsx'

/** /trainer/classes/:id: who has checked in and completed what, live while online. */
export default function ClassDashboardScreen({ classId }: { classId: string }) {
  const s = useTrainerStrings()
  return (
    <TrainerGate title={s.homeTitle}>
      {(session) => <Dashboard classId={classId} session={session} />}
    </TrainerGate>
  )
}

const NO_BRANCH = '__none__'

function Dashboard({ classId, session }: { classId: string; session: SessionInfo }) {
  const s = useTrainerStrings()
  const { state, refresh, reload } = useClassFeed(classId, session.userId)
  const [branchValue, setBranchValue] = useState('')
  const branch = branchValue === '' ? undefined : branchValue === NO_BRANCH ? null : branchValue
  const dashboards = useDashboard(state, branch)
  // The presence code must show in the field, offline: its key comes down with the dashboard.
  const live = state.status === 'ready' && state.connection === 'live'
  useEffect(() => {
    if (live) void prefetchSigningKey(session.userId, classId).catch(() => {})
  }, [live, classId, session.userId])

  if (state.status !== 'ready' || !dashboards) return <FeedProblem state={state} onRetry={refresh} />
  const { detail } = state.snapshot
  const { all, shown } = dashboards
  return (
    <>
      <ScreenHeading title={detail.class.name} />
      <ClassFacts cls={detail.class} />
      <FeedStatus state={state} onRefresh={refresh} />
      <ClassTools classId={classId} />
      {all.branches.length > 1 && (
        <BranchFilter branches={all.branches} value={branchValue} onChange={setBranchValue} />
      )}
      <Summary dashboard={shown} />
      {all.rows.length === 0 ? (
        <p>{s.noMembers}</p>
      ) : shown.rows.length === 0 ? (
        <p>{s.noMembersInBranch}</p>
      ) : shown.columns.stops.length + shown.columns.lessons.length === 0 ? (
        <p>{s.noStopsOrLessons}</p>
      ) : (
        <DashboardGrid dashboard={shown} classId={classId} />
      )}
      <ClassManage
        detail={detail}
        online={state.connection === 'live'}
        onChanged={reload}
        userId={session.userId}
      />
      <ClassExports classId={classId} online={state.connection === 'live'} />
      <ClassKeyRotation classId={classId} online={state.connection === 'live'} />
    </>
  )
}

function BranchFilter({
  branches,
  value,
  onChange,
}: {
  branches: readonly DashboardBranch[]
  value: string
  onChange: (v: string) => void
}) {
  const s = useTrainerStrings()
  return (
    <p className="field-row">
      <label htmlFor="branch-filter">{s.branchFilter}</label>
      <select id="branch-filter" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{s.allBranches}</option>
        {branches.map((b) => (
          <option key={b.id ?? NO_BRANCH} value={b.id ?? NO_BRANCH}>
            {`${b.name ?? s.noBranch}（${b.members}）`}
          </option>
        ))}
      </select>
    </p>
  )
}

/** The class in two figures; per stop and per lesson the counts are the grid's last row. */
function Summary({ dashboard }: { dashboard: ClassDashboard }) {
  const s = useTrainerStrings()
  const { summary } = dashboard
  return (
    <p className="class-summary" data-testid="class-summary">
      {s.summaryMembers(summary.members)}
      {summary.meanScore !== null && <> · {s.summaryMeanScore(percent(summary.meanScore))}</>}
    </p>
  )
}
