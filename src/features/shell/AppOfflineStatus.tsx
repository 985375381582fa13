import { useSyncExternalStore } from 'react'
import { type AppOffline, appOffline } from '../../platform/app-offline.ts'
import { useAppOfflineStrings } from './app-offline-strings.ts'

export function useAppOffline(): AppOffline {
  return useSyncExternalStore(
    (onChange) => appOffline.subscribe(onChange),
    () => appOffline.current,
  )
}

/**
 * Whether the app itself opens without a network (platform/app-offline.ts), said where a member
 * prepares for a trip: beside "nothing more to download" and the route's own download, which
 * are worth nothing if the app's first download has not finished.
 */
export function AppOfflineStatus() {
  const t = useAppOfflineStrings()
  const state = useAppOffline()
  if (state === 'ready')
    return (
      <p className="status-line ok" role="status" data-testid="app-offline">
        {t.ready}
      </p>
    )
  if (state === 'saving')
    return (
      <p className="status-line" role="status" data-testid="app-offline">
        {t.saving}
      </p>
    )
  return (
    <div className="status-line warn" role="alert" data-testid="app-offline">
      <p>{state === 'failed' ? t.failed : t.unsupported}</p>
      {state === 'failed' && (
        <button type="button" onClick={() => void appOffline.retry()}>
          {t.retry}
        </button>
      )}
    </div>
  )
}
