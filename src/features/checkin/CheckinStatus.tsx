import type { Site } from '../../domain/content/pack.ts'
import { useLocalizedString } from '../../i18n/i18n.tsx'
import { focusOnMount } from '../../ui/focus-on-mount.ts'
import type { CheckinState } from './checkin-machine.ts'
import { type CheckinStrings, useCheckinStrings } from './strings.ts'

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
    case 'judged':
      // One element for both, so it keeps the focus it took from 定位打卡 as fixes arrive.
      return <Watching name={name} state={state} onSave={onSave} distance={distance} />
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

/**
 * The position being watched: a headline that names the verdict (or the search for a fix), the
 * details with the metres, and the confirm button when inside. Only the headline is a live region:
 * fixes arrive about once a second and the metres change with each, but a screen reader should
 * speak only when the verdict itself changes, and never read the button out as news.
 */
function Watching({
  name,
  state,
  onSave,
  distance,
}: {
  name: string
  state: Extract<CheckinState, { kind: 'locating' | 'judged' }>
  onSave: () => void
  distance: (m: number) => string
}) {
  const cs = useCheckinStrings()
  const { headline, tone } = headlineOf(state, cs)
  return (
    <div className={`status-line${tone ? ` ${tone}` : ''}`}>
      {/* Mounted by the member's tap on 定位打卡, which is gone: focus goes to what it started. */}
      <p role="status" tabIndex={-1} ref={focusOnMount}>
        {state.kind === 'judged' ? <strong>{headline}</strong> : headline}
      </p>
      {state.kind === 'judged' && <Verdict name={name} state={state} onSave={onSave} distance={distance} />}
    </div>
  )
}

/** Changes only with the kind of verdict (or of trouble), never with the metres: it is what is announced. */
function headlineOf(
  state: Extract<CheckinState, { kind: 'locating' | 'judged' }>,
  cs: CheckinStrings,
): { headline: string; tone: '' | 'ok' | 'warn' } {
  if (state.kind === 'locating')
    return state.trouble
      ? { headline: cs.checkinSignalLost, tone: 'warn' }
      : { headline: cs.checkinLocating, tone: '' }
  switch (state.verdict.kind) {
    case 'inside':
      return { headline: cs.checkinHeadInside, tone: 'ok' }
    case 'outside':
      return { headline: cs.checkinHeadOutside, tone: 'warn' }
    case 'poor-accuracy':
      return { headline: cs.checkinHeadPoorAccuracy, tone: 'warn' }
  }
}

function Verdict({
  name,
  state,
  onSave,
  distance,
}: {
  name: string
  state: Extract<CheckinState, { kind: 'judged' }>
  onSave: () => void
  distance: (m: number) => string
}) {
  const cs = useCheckinStrings()
  const v = state.verdict
  // Said beside the last verdict, which stays on screen until the signal is back.
  const lost = state.trouble && <p className="hint">{cs.checkinSignalLostSinceFix}</p>
  if (v.kind === 'inside')
    return (
      <>
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
      </>
    )
  if (v.kind === 'outside')
    return (
      <>
        <p>{cs.checkinOutside(name, distance(v.remainingM))}</p>
        {lost}
        <p className="hint">{cs.checkinOutsideHint}</p>
      </>
    )
  return (
    <>
      <p>{cs.checkinPoorAccuracy(Math.round(v.accuracyM), v.neededM)}</p>
      {lost}
      <p className="hint">{cs.checkinPoorAccuracyHint}</p>
    </>
  )
}
