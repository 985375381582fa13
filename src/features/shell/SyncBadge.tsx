import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from './records-context.tsx'
import { Link, paths } from './router.tsx'

/** The sync state, on every screen: records waiting, a sync in progress, or a login needed. */
export function SyncBadge() {
  const { t } = usePreferences()
  const { outbox, sync, session, state } = useRecords()
  if (state.status !== 'ready') return null
  const pending = outbox.pending
  if (sync.kind === 'auth-required')
    return (
      <Link to={paths.login()} className="pending-badge warn-badge">
        {t.syncLoginNeeded}
      </Link>
    )
  return (
    <>
      {!session && <Link to={paths.login()}>{t.navLogin}</Link>}
      {pending > 0 && (
        // A link to where the passport says what waits and why, and offers "sync now": its data
        // section, far down on a phone, below every route's stamps.
        <Link to={paths.passportData()} className="pending-badge" data-testid="pending-badge">
          {/* Logged out, nothing leaves the device: the count says what it waits for. While a
              sync runs, the badge says so, and its count falls batch by batch. */}
          {!session
            ? t.pendingBadgeLoggedOut(pending)
            : sync.kind === 'syncing'
              ? t.pendingBadgeSyncing(pending)
              : t.pendingBadge(pending)}
        </Link>
      )}
      {pending > 0 && sync.kind === 'syncing' && (
        <span className="visually-hidden" role="status">
          {t.syncing}
        </span>
      )}
    </>
  )
}
