import { useState } from 'react'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { ScreenHeading } from '../trainer/ScreenHeading.tsx'
import { useAccountScreenStrings } from './account-screen-strings.ts'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'
import { DeviceSessions } from './DeviceSessions.tsx'
import { type LoggedOut, LogoutControl, loggedOutText } from './LogoutControl.tsx'
import { useAccountStrings } from './strings.ts'
import '../trainer/trainer.css'
import './account.css'

/**
 * /account (我的账号): who is logged in, their password (the one an admin handed out is changed
 * here), and the devices logged in as them, to log out a lost phone. The password and the
 * devices need the server; the facts above them come from the device and show offline.
 */
export default function AccountScreen(_props: Record<string, never>) {
  const s = useAccountScreenStrings()
  const a = useAccountStrings()
  const { state, session, sync } = useRecords()
  // Bumped when the password changed: the other devices were logged out, the list must say so.
  const [devicesVersion, setDevicesVersion] = useState(0)
  const [loggedOut, setLoggedOut] = useState<LoggedOut | null>(null)
  if (state.status === 'opening') return <StatusMessage title={s.loading} level={1} />
  if (!session)
    return (
      <>
        <ScreenHeading title={s.title} />
        {loggedOut !== null && (
          <p role="status" className="status-line ok">
            {loggedOutText(a, loggedOut)}
          </p>
        )}
        <StatusMessage title={s.notLoggedIn}>
          <Link to={paths.login(paths.account())} className="button-link primary">
            {s.logIn}
          </Link>
        </StatusMessage>
      </>
    )
  return (
    <>
      <ScreenHeading title={s.title} />
      <dl className="account-facts">
        <dt>{s.name}</dt>
        <dd>{session.displayName}</dd>
        <dt>{s.username}</dt>
        <dd>{session.username}</dd>
        <dt>{s.role}</dt>
        <dd>{s.roleName(session.role)}</dd>
        <dt>{s.branch}</dt>
        <dd>{session.branch ?? s.noBranch}</dd>
      </dl>
      {session.role === 'admin' && (
        <p>
          <Link to={paths.adminAccounts()} className="button-link">
            {s.manageAccounts}
          </Link>
        </p>
      )}
      {sync.kind === 'auth-required' ? (
        // The server ended this device's session: nothing here can work until the member logs in.
        <StatusMessage title={s.thisDeviceLoggedOut} tone="error">
          <Link to={paths.login(paths.account())} className="button-link primary">
            {s.logInAgain}
          </Link>
        </StatusMessage>
      ) : (
        <>
          <ChangePasswordForm onChanged={() => setDevicesVersion((v) => v + 1)} />
          <DeviceSessions refreshKey={devicesVersion} />
        </>
      )}
      <section aria-labelledby="own-logout-title" className="account-section">
        <h2 id="own-logout-title">{s.ownLogoutTitle}</h2>
        <LogoutControl onLoggedOut={setLoggedOut} />
      </section>
    </>
  )
}
