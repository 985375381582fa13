import type { ReactNode } from 'react'
import type { SessionInfo } from '../../platform/session.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { ScreenHeading } from './ScreenHeading.tsx'
import { useTrainerStrings } from './strings.ts'

/**
 * Shows a trainer screen only to a logged-in trainer or admin (the server checks again on every
 * call); a member is told plainly that this is for trainers, someone logged out is offered the
 * login. `title` is the screen's h1, so every outcome still has one.
 */
export function TrainerGate({
  title,
  children,
}: {
  title: string
  children: (session: SessionInfo) => ReactNode
}) {
  const s = useTrainerStrings()
  const { state, session } = useRecords()
  if (state.status === 'opening') return <StatusMessage title={s.loading} level={1} />
  if (!session)
    return (
      <>
        <ScreenHeading title={title} />
        <StatusMessage title={s.loginNeededTitle}>
          <p>{s.loginNeededBody}</p>
          <Link to={paths.login()} className="button-link primary">
            {s.logIn}
          </Link>
        </StatusMessage>
      </>
    )
  if (session.role === 'member')
    return (
      <>
        <ScreenHeading title={title} />
        <StatusMessage title={s.membersOnlyTitle}>
          <p>{s.membersOnlyBody}</p>
          <Link to={paths.myClasses()} className="button-link">
            {s.myClasses}
          </Link>
        </StatusMessage>
      </>
    )
  return <>{children(session)}</>
}
