import { useState } from 'react'
import { logoutOnServer } from '../../platform/session.ts'
import { useRecords } from '../shell/records-context.tsx'
import { useAccountStrings } from './strings.ts'

/**
 * Logging out on a shared device (P11): the member's data leaves the device with them. With
 * records not yet on the server, logging out needs a sync first or an explicit "delete N".
 */
export function LogoutControl({ onLoggedOut }: { onLoggedOut: () => void }) {
  const s = useAccountStrings()
  const { log, session, outbox, setSession, syncNow, sync } = useRecords()
  const [asking, setAsking] = useState(false)
  if (!session || !log) return null
  const unsynced = outbox.pending + outbox.parked.length

  const logout = async () => {
    await logoutOnServer()
    await log.forgetMember(session.userId)
    await setSession(null)
    onLoggedOut()
  }

  if (asking && unsynced > 0)
    return (
      <section role="alertdialog" aria-labelledby="logout-q" className="status-line warn">
        <p id="logout-q">{s.logoutUnsynced(unsynced)}</p>
        {sync.kind === 'syncing' && <p role="status">{s.logoutSyncing}</p>}
        <p className="actions">
          <button type="button" className="primary" onClick={syncNow}>
            {s.logoutSyncFirst}
          </button>
          <button type="button" onClick={() => void logout()}>
            {s.logoutDiscard(unsynced)}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {s.logoutCancel}
          </button>
        </p>
      </section>
    )
  return (
    <p className="actions">
      <button type="button" onClick={() => (unsynced > 0 ? setAsking(true) : void logout())}>
        {s.logout}
      </button>
    </p>
  )
}
