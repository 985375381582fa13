import { useSyncExternalStore } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import type { SyncState } from '../../platform/sync/outbox-sync.ts'

const subscribeOnline = (change: () => void) => {
  window.addEventListener('online', change)
  window.addEventListener('offline', change)
  return () => {
    window.removeEventListener('online', change)
    window.removeEventListener('offline', change)
  }
}

/** Whether the browser believes it has a network (false is reliable; true may still be a dead link). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  )
}

export type SyncTrouble = 'offline' | 'unreachable' | 'slow' | 'sign-in-page' | 'server'

/**
 * Why records are waiting, in words a member can act on. A failed push is retried by itself, so
 * without this a tap on "sync now" with no network changed nothing on screen. `not-json` is a 200
 * answer that is not ours: a hotel's or a scenic spot's Wi-Fi sign-in page.
 */
export function syncTrouble(sync: SyncState, online: boolean): SyncTrouble | null {
  if (!online) return 'offline'
  if (sync.kind !== 'retrying') return null
  // The phone has a network (or believes so): no answer is a weak signal or a server that is down,
  // and "no network" would send the member looking for signal they have.
  if (sync.reason === 'network') return 'unreachable'
  if (sync.reason === 'timeout') return 'slow'
  if (sync.reason === 'not-json') return 'sign-in-page'
  return 'server'
}

/** Says why records wait, when they do; nothing when there is nothing to send. */
export function SyncProblem({ sync, pending }: { sync: SyncState; pending: number }) {
  const { t } = usePreferences()
  const trouble = syncTrouble(sync, useOnline())
  if (pending === 0 || !trouble) return null
  return (
    <p role="status" className="warn-text" data-testid="sync-problem">
      {
        {
          offline: t.syncOffline,
          unreachable: t.syncUnreachable,
          slow: t.syncSlow,
          'sign-in-page': t.syncSignInPage,
          server: t.syncServerBusy,
        }[trouble]
      }
    </p>
  )
}
