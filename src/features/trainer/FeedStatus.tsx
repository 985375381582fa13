import { usePreferences } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../ui/format.ts'
import type { FeedState } from './class-feed.ts'
import { useTrainerStrings } from './strings.ts'

/** "Last updated at …", and whether the figures are live or the device's last copy. */
export function FeedStatus({
  state,
  onRefresh,
}: {
  state: Extract<FeedState, { status: 'ready' }>
  onRefresh: () => void
}) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const note =
    state.connection === 'live' ? s.liveNote : state.connection === 'offline' ? s.offlineNote : s.errorNote
  return (
    <div className={`status-line ${state.connection === 'live' ? 'ok' : 'warn'}`} data-testid="feed-status">
      <p role="status">
        <span data-testid="last-updated">
          {s.lastUpdated(formatDateTime(state.snapshot.pulledAt, prefs.lang))}
        </span>
        {state.pulling && <span className="meta"> · {s.updating}</span>}
      </p>
      <p data-testid="connection-note" data-connection={state.connection}>
        {note}
      </p>
      {state.connection !== 'live' && (
        <button type="button" onClick={onRefresh}>
          {s.refresh}
        </button>
      )}
    </div>
  )
}
