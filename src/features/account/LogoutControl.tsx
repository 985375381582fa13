import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { owedLogoutOnThisDevice } from '../../platform/owed-logout.ts'
import { useRecords } from '../shell/records-context.tsx'
import { SyncProblem } from '../shell/SyncProblem.tsx'
import { type AccountStrings, useAccountStrings } from './strings.ts'

/**
 * How a logout ended: how many unsynced records the member chose to delete (0: all were on the
 * server), and whether the server has yet to hear of it (offline: it is sent when it can be,
 * platform/owed-logout.ts).
 */
export interface LoggedOut {
  readonly discarded: number
  readonly serverPending: boolean
}

/** What the member is told after logging out: only what is true (the server's part may be owed). */
export function loggedOutText(s: AccountStrings, o: LoggedOut): string {
  if (o.serverPending) return o.discarded > 0 ? s.logoutDoneHereDiscarded(o.discarded) : s.logoutDoneHere
  return o.discarded > 0 ? s.logoutDoneDiscarded(o.discarded) : s.logoutDone
}

/**
 * Logging out on a shared device (P11): the member's data leaves the device with them. With
 * records not yet on the server, logging out needs a sync first or an explicit "delete N".
 * "Sync, then log out" does both: it logs out by itself once nothing is left to send, and says
 * why while records still wait (no network, a Wi-Fi sign-in page, the server).
 */
export function LogoutControl({ onLoggedOut }: { onLoggedOut: (outcome: LoggedOut) => void }) {
  const s = useAccountStrings()
  const { log, session, outbox, recountOutbox, setSession, syncNow, sync } = useRecords()
  const [asking, setAsking] = useState<'no' | 'ask' | 'sync-then-logout'>('no')
  const unsynced = outbox.pending + outbox.parked.length
  // The question takes focus when it opens; "cancel" gives it back to the button that opened it.
  const questionRef = useRef<HTMLParagraphElement>(null)
  const logoutRef = useRef<HTMLButtonElement>(null)
  const questionOpen = asking !== 'no' && unsynced > 0
  const wasOpen = useRef(false)
  useEffect(() => {
    if (questionOpen && !wasOpen.current) questionRef.current?.focus()
    if (!questionOpen && wasOpen.current) logoutRef.current?.focus()
    wasOpen.current = questionOpen
  }, [questionOpen])

  /** Logs out if no more than `mayDelete` records are unsynced; else asks (again) with the count. */
  const logout = async (mayDelete: number) => {
    if (!session || !log) return
    // The count on screen may trail the database by a moment during a sync: what is deleted is
    // decided on the database's own count, read now.
    const left = await recountOutbox()
    const unsent = left.pending + left.parked.length
    if (unsent > mayDelete) return setAsking((a) => (a === 'no' ? 'ask' : a))
    // Owed before anything leaves the device: should the page die now, the next start sends it.
    const server = await owedLogoutOnThisDevice().logOut()
    await log.forgetMember(session.userId)
    await setSession(null)
    onLoggedOut({ discarded: unsent, serverPending: server === 'owed' })
  }
  // The effect reacts to the outbox emptying, not to a new `logout` each render.
  const logoutWhenSynced = useEffectEvent(() => void logout(0))
  useEffect(() => {
    if (asking === 'sync-then-logout' && unsynced === 0) logoutWhenSynced()
  }, [asking, unsynced])

  if (!session || !log) return null
  if (questionOpen)
    return (
      <section role="alertdialog" aria-labelledby="logout-q" className="status-line warn">
        <p id="logout-q" tabIndex={-1} ref={questionRef}>
          {s.logoutUnsynced(unsynced)}
        </p>
        {sync.kind === 'syncing' && <p role="status">{s.logoutSyncing}</p>}
        {asking === 'sync-then-logout' && sync.kind !== 'syncing' && <p role="status">{s.logoutWaits}</p>}
        {asking === 'sync-then-logout' && <SyncProblem sync={sync} pending={unsynced} />}
        {sync.kind === 'auth-required' && <p>{s.logoutNeedsLogin}</p>}
        <p className="actions">
          {/* Nothing can sync on an expired login: the button would do nothing at all. */}
          {sync.kind !== 'auth-required' && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setAsking('sync-then-logout')
                syncNow()
              }}
            >
              {s.logoutSyncFirst}
            </button>
          )}
          <button type="button" onClick={() => void logout(unsynced)}>
            {s.logoutDiscard(unsynced)}
          </button>
          <button type="button" onClick={() => setAsking('no')}>
            {s.logoutCancel}
          </button>
        </p>
      </section>
    )
  return (
    <p className="actions">
      <button
        type="button"
        ref={logoutRef}
        onClick={() => (unsynced > 0 ? setAsking('ask') : void logout(0))}
      >
        {s.logout}
      </button>
    </p>
  )
}
