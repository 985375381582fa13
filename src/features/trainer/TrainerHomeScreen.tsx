import { usePreferences } from '../../i18n/i18n.tsx'
import type { SessionInfo } from '../../platform/session.ts'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { PasswordGivenGate } from '../account/PasswordGivenGate.tsx'
import { Link, paths } from '../shell/router.tsx'
import { ClassFacts } from './ClassFacts.tsx'
import { useTrainerStrings } from './strings.ts'
import { TrainerGate } from './TrainerGate.tsx'
import { useClassList } from './use-class-list.ts'
import './trainer.css'
import { ScreenHeading } from './ScreenHeading.tsx'

/** /trainer: the classes this trainer trains (an admin: all), and the way to a new one. */
export default function TrainerHomeScreen(_props: Record<string, never>) {
  const s = useTrainerStrings()
  return <TrainerGate title={s.homeTitle}>{(session) => <TrainerHome session={session} />}</TrainerGate>
}

function TrainerHome({ session }: { session: SessionInfo }) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const { state, retry } = useClassList(session.userId)
  return (
    <>
      <ScreenHeading title={s.homeTitle} />
      <PasswordGivenGate />
      <p className="lead">{session.role === 'admin' ? s.homeIntroAdmin : s.homeIntro}</p>
      <p className="actions">
        <Link to={paths.trainerNewClass()} className="button-link primary">
          {s.newClass}
        </Link>
        {session.role === 'admin' && (
          <>
            <Link to={paths.coverage()} className="button-link">
              {s.coverageLink}
            </Link>
            <Link to={paths.adminAccounts()} className="button-link">
              {s.accountsLink}
            </Link>
          </>
        )}
      </p>
      {state.status === 'loading' && <StatusMessage title={s.loading} />}
      {state.status === 'offline-empty' && <StatusMessage title={s.offlineNoCopy} />}
      {state.status === 'logged-out' && (
        <StatusMessage title={s.loginNeededTitle} tone="error">
          <Link to={paths.login()}>{s.logIn}</Link>
        </StatusMessage>
      )}
      {state.status === 'error' && (
        <StatusMessage title={s.loadError(state.httpStatus)} tone="error">
          <button type="button" onClick={retry}>
            {s.retry}
          </button>
        </StatusMessage>
      )}
      {state.status === 'ready' && (
        <>
          {state.savedAt && (
            <p className="notice">{s.fromDevice(formatDateTime(state.savedAt, prefs.lang))}</p>
          )}
          {state.classes.length === 0 ? (
            <p>{s.noClasses}</p>
          ) : (
            <ul className="card-list" aria-label={s.homeTitle}>
              {state.classes.map((c) => (
                <li key={c.id} className="card">
                  <h2>
                    <Link to={paths.trainerClass(c.id)}>{c.name}</Link>
                  </h2>
                  <ClassFacts cls={c} />
                  {c.memberCount !== null && <p className="meta">{s.memberCount(c.memberCount)}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  )
}
