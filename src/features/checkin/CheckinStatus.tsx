import type { Site } from '../../domain/content/pack.ts'
import { useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { focusOnMount } from '../../ui/focus-on-mount.ts'
import type { CheckinState } from './checkin-machine.ts'
import { useCheckinStrings } from './strings.ts'

/** A fix this near the centre (and nearer than its accuracy) is said to be by the centre, not "about 3 m" from it. */
const AT_CENTRE_M = 10

/** What the member sees for each state of the GPS check-in: always what happened and what to do next. */
export function CheckinStatus({
  site,
  state,
  ready,
  onStart,
  onSave,
  distance,
}: {
  site: Site
  state: CheckinState
  ready: boolean
  onStart: () => void
  onSave: () => void
  distance: (m: number) => string
}) {
  const _t = useStrings()
  const cs = useCheckinStrings()
  const name = useLocalizedString()(site.name)
  switch (state.kind) {
    case 'idle':
      return (
        <button type="button" className="primary big" onClick={onStart} disabled={!ready}>
          {cs.checkinLocate}
        </button>
      )
    case 'locating':
      return state.trouble ? (
        <p role="status" className="status-line warn">
          {cs.checkinSignalLost}
        </p>
      ) : (
        <p role="status" className="status-line">
          {cs.checkinLocating}
        </p>
      )
    case 'judged': {
      const v = state.verdict
      // Said beside the last verdict, which stays on screen until the signal is back.
      const lost = state.trouble && <p className="hint">{cs.checkinSignalLostSinceFix}</p>
      if (v.kind === 'inside')
        return (
          <div role="status" className="status-line ok">
            <p>
              {cs.checkinInside(
                name,
                // Nearer than the fix can tell: "about 0 m" would read as a fault.
                v.distanceM < Math.min(AT_CENTRE_M, v.accuracyM) ? null : Math.round(v.distanceM),
                Math.round(v.accuracyM),
              )}
            </p>
            {lost}
            <button type="button" className="primary big" onClick={onSave}>
              {cs.checkinConfirm}
            </button>
          </div>
        )
      if (v.kind === 'outside')
        return (
          <div role="status" className="status-line warn">
            <p>{cs.checkinOutside(name, distance(v.remainingM))}</p>
            {lost}
            <p className="hint">{cs.checkinOutsideHint}</p>
          </div>
        )
      return (
        <div role="status" className="status-line warn">
          <p>{cs.checkinPoorAccuracy(Math.round(v.accuracyM), v.neededM)}</p>
          {lost}
          <p className="hint">{cs.checkinPoorAccuracyHint}</p>
        </div>
      )
    }
    case 'geo-error':
      return (
        <div role="alert" className="status-line warn">
          <p>{state.error === 'denied' ? cs.checkinDenied : cs.checkinUnsupported}</p>
          {/* A refusal is remembered by the browser: 重试 alone fails again until it is lifted. */}
          {state.error === 'denied' && <p className="hint">{cs.checkinDeniedSteps}</p>}
          {state.error === 'denied' && (
            <button type="button" onClick={onStart}>
              {cs.checkinRetry}
            </button>
          )}
        </div>
      )
    case 'saving':
      return (
        <p role="status" className="status-line">
          {cs.checkinSaving}
        </p>
      )
    case 'saved':
      return (
        // The confirm button is gone: focus goes to what it did.
        <p role="status" className="status-line ok" tabIndex={-1} ref={focusOnMount}>
          {cs.checkinSaved(name)}
        </p>
      )
    case 'save-failed':
      return (
        <div role="alert" className="status-line warn">
          <p>{state.reason === 'storage-full' ? cs.checkinStorageFull : cs.checkinSaveFailed}</p>
          <button type="button" className="primary big" onClick={onSave}>
            {cs.checkinRetry}
          </button>
        </div>
      )
  }
}
