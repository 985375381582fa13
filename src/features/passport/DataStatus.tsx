import { useEffect, useState } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import {
  type PersistenceState,
  persistenceState,
  requestPersistence,
  storageEstimate,
} from '../../platform/persistence.ts'
import { formatBytes, formatDateTime, formatTimeAgo } from '../../ui/format.ts'
import { useRecords } from '../shell/records-context.tsx'
import { Link, PASSPORT_DATA_ANCHOR, paths } from '../shell/router.tsx'
import { SyncProblem } from '../shell/SyncProblem.tsx'
import { exportUnsynced } from './export-unsynced.ts'
import { ImportBackup } from './ImportBackup.tsx'
import { usePassportStrings } from './strings.ts'

/** Safari deletes a site's storage after 7 days without a visit (ITP): warn well before. */
const STALE_MS = 3 * 24 * 3_600_000

/** P8: storage risk is visible — pending count, oldest pending, persistence, and an export. */
export function DataStatus() {
  const { t, prefs } = usePreferences()
  const ps = usePassportStrings()
  const { log, outbox, records, member, session, lastSyncAt, syncNow, sync } = useRecords()
  const [persist, setPersist] = useState<PersistenceState | null>(null)
  const [usage, setUsage] = useState<{ usage: number; quota: number }>()
  useEffect(() => {
    void persistenceState().then(setPersist)
    void storageEstimate().then(setUsage)
  }, [])
  const pending = outbox.pending
  const parked = outbox.parked
  const oldest = outbox.oldestPendingAt
  return (
    <section aria-labelledby={PASSPORT_DATA_ANCHOR}>
      {/* The sync badge's link lands here, and focus with it. */}
      <h2 id={PASSPORT_DATA_ANCHOR} tabIndex={-1}>
        {ps.passportData}
      </h2>
      <ul className="data-status">
        <li data-testid="pending-count">
          {pending > 0 ? ps.passportPending(pending) : ps.passportAllSynced}
        </li>
        {oldest && <li>{ps.passportOldest(formatTimeAgo(oldest, prefs.lang))}</li>}
        {oldest && Date.now() - Date.parse(oldest) > STALE_MS && (
          <li role="alert" className="warn-text">
            {ps.passportStale}
          </li>
        )}
        {parked.length > 0 && (
          <li>
            {ps.passportParked(parked.length)}
            <ul>
              {parked.map((e) => (
                <li key={e.recordId}>{ps.parkedReason(e.reason ?? '')}</li>
              ))}
            </ul>
          </li>
        )}
        <li data-testid="last-sync">
          {/* The last sync is the device's: after a logout it was the previous member's. */}
          {ps.passportLastSync(
            !session
              ? ps.passportNotLoggedIn
              : lastSyncAt
                ? formatDateTime(lastSyncAt, prefs.lang)
                : ps.passportNotYetSynced,
          )}
        </li>
        <li data-testid="persistence">
          {persist === 'persisted'
            ? ps.passportPersisted
            : persist === 'not-persisted'
              ? ps.passportNotPersisted
              : persist === 'unsupported'
                ? ps.passportPersistUnsupported
                : '…'}
        </li>
        {usage && usage.quota > 0 && (
          <li>{ps.passportUsage(formatBytes(usage.usage), formatBytes(usage.quota))}</li>
        )}
      </ul>
      {session && <SyncProblem sync={sync} pending={pending} />}
      <p className="actions">
        {persist === 'not-persisted' && (
          <button type="button" onClick={() => void requestPersistence().then(setPersist)}>
            {ps.passportRequestPersist}
          </button>
        )}
        {pending > 0 && session && (
          <button type="button" className="primary" onClick={syncNow} disabled={sync.kind === 'syncing'}>
            {t.syncNow}
          </button>
        )}
        {/* Records made before logging in are offered to the account at login (ClaimPrompt). */}
        {pending > 0 && !session && (
          <Link to={paths.login()} className="button-link primary">
            {ps.passportLogInToSync}
          </Link>
        )}
        {member && <ImportBackup />}
        {pending > 0 && member && log && (
          <button type="button" onClick={() => void exportUnsynced(log, member.memberId, records)}>
            {ps.passportExport}
          </button>
        )}
      </p>
    </section>
  )
}
