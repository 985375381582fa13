import { useEffect, useReducer, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Site } from '../../domain/content/pack.ts'
import { COORDINATE_CONFIDENCE_AIM_M } from '../../domain/content/quality.ts'
import { presenceAt } from '../../domain/records/presence.ts'
import { coarse, coarseDistanceM } from '../../domain/records/record.ts'
import { Localized, useLocalizedString, usePreferences } from '../../i18n/i18n.tsx'
import { browserGeolocation, type GeolocationPort } from '../../platform/geolocation.ts'
import { requestPersistence } from '../../platform/persistence.ts'
import { StorageFullError } from '../../platform/storage/errors.ts'
import { formatDistance } from '../../ui/Distance.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { CheckinStatus } from './CheckinStatus.tsx'
import { checkinReducer, initialCheckinState, isWatching } from './checkin-machine.ts'
import { QrFallback } from './QrFallback.tsx'
import { useCheckinStrings } from './strings.ts'

/** A write still running after this long says so ("正在保存…"); a faster one just says it is saved. */
const SAVING_NOTICE_AFTER_MS = 150

export default function CheckinScreen({
  site,
  geolocation = browserGeolocation,
}: {
  site: Site
  geolocation?: GeolocationPort
}) {
  const { t, prefs } = usePreferences()
  const cs = useCheckinStrings()
  const text = useLocalizedString()
  const { progress, append, state: recordsState } = useRecords()
  const heading = useScreenTitle(`${cs.checkinTitle(text(site.name))} · ${t.appName}`)
  const fence = {
    center: site.location,
    radiusM: site.checkin.radiusM,
    maxAccuracyM: site.checkin.maxAccuracyM,
  }
  const [state, dispatch] = useReducer(checkinReducer(fence), initialCheckinState)
  const [showQr, setShowQr] = useState(false)
  const presence = presenceAt(progress, site.id)
  const stamp = presence.kind === 'checked-in' ? presence.stamp : undefined
  // The trainer confirmed the member is here: the lessons count as on site, a check-in is optional.
  const confirmed = presence.kind === 'confirmed' && state.kind !== 'saved' ? presence.attended : undefined
  const watching = isWatching(state)

  useEffect(() => {
    if (!watching) return
    return geolocation.watch(
      (fix) => dispatch({ type: 'fix', fix }),
      (error) => dispatch({ type: 'geo-error', error }),
    )
  }, [watching, geolocation])

  // Written straight from the tap, not from an effect after the next paint: the member waits
  // for this. "已保存" appears only once the record and its outbox entry have committed. The
  // screen is not re-rendered before the write starts: a "saving" frame would hold the main
  // thread while the database answers, and a fast write (tens of milliseconds on a phone)
  // would replace it at once. The notice shows only if the write is slow; until the write
  // ends, a second tap does nothing.
  const saveStarted = useRef(false)
  const save = () => {
    if (saveStarted.current) return
    if ((state.kind !== 'judged' && state.kind !== 'save-failed') || state.verdict.kind !== 'inside') return
    const { fix, verdict } = state
    saveStarted.current = true
    const notice = setTimeout(() => dispatch({ type: 'save' }), SAVING_NOTICE_AFTER_MS)
    append(
      'checkin',
      {
        siteId: site.id,
        method: 'gps',
        verdict: 'inside',
        gps: {
          lat: coarse(fix.position.lat),
          lng: coarse(fix.position.lng),
          accuracyM: Math.round(fix.accuracyM),
          distanceM: coarseDistanceM(verdict.distanceM),
        },
      },
      {},
    ).then(
      (record) => {
        clearTimeout(notice)
        // Rendered now, before the work the new record sets off (re-reads, the sync's kick).
        flushSync(() => dispatch({ type: 'saved', recordId: record.id }))
        void requestPersistence()
      },
      (e: unknown) => {
        clearTimeout(notice)
        saveStarted.current = false
        dispatch({
          type: 'save-failed',
          reason: e instanceof StorageFullError ? 'storage-full' : 'other',
          fix,
          verdict,
        })
      },
    )
  }

  const uncertain =
    site.locationSource.confidenceM > Math.max(site.checkin.radiusM, COORDINATE_CONFIDENCE_AIM_M)

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {cs.checkinTitle(text(site.name))}
      </h1>
      {stamp && state.kind !== 'saved' ? (
        <p className="notice" role="status">
          {cs.checkinAlready(
            text(site.name),
            formatDateTime(stamp.at, prefs.lang),
            stamp.method === 'gps' ? t.methodGps : t.methodQr,
          )}
        </p>
      ) : (
        <>
          {confirmed && (
            <>
              <p className="notice" role="status">
                {cs.checkinConfirmedAlready(text(site.name), formatDateTime(confirmed.at, prefs.lang))}
              </p>
              <NextSteps site={site} />
            </>
          )}
          <p className="lead">{confirmed ? cs.checkinOptionalIntro : cs.checkinIntro}</p>
          {uncertain && <p className="notice">{cs.checkinUncertainSite}</p>}
          <CheckinStatus
            site={site}
            state={state}
            ready={recordsState.status === 'ready'}
            onStart={() => dispatch({ type: 'start' })}
            onSave={save}
            distance={(m) => formatDistance(m, t)}
          />
        </>
      )}
      {(stamp || state.kind === 'saved') && <NextSteps site={site} />}
      {!stamp && state.kind !== 'saved' && state.kind !== 'saving' && (
        <section aria-labelledby="qr-heading" className="qr-fallback">
          <h2 id="qr-heading">{cs.checkinQrHeading}</h2>
          {showQr ? (
            <QrFallback site={site} />
          ) : (
            <button type="button" onClick={() => setShowQr(true)}>
              {cs.checkinUseQr}
            </button>
          )}
        </section>
      )}
      <p className="meta">
        <Localized text={site.name} /> · {t.checkinRadius(site.checkin.radiusM)}
      </p>
    </>
  )
}

/** Where to go once the member is known to be here: the site's lesson, or back to the site. */
function NextSteps({ site }: { site: Site }) {
  const cs = useCheckinStrings()
  const lessonId = site.lessons[0]
  return (
    <p className="actions">
      {lessonId && (
        <Link to={paths.lesson(lessonId)} className="button-link primary">
          {cs.checkinStartLesson}
        </Link>
      )}
      <Link to={paths.site(site.id)} className="button-link">
        {cs.checkinBackToSite}
      </Link>
    </p>
  )
}
