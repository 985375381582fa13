import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { sceneEntry } from '../../../scenes/registry.ts'
import { initialAttestPlace } from '../../domain/attest/initial-place.ts'
import { ATTEST_STEP_S, secondsLeftInStep } from '../../domain/attest/window.ts'
import { chinaDate } from '../../domain/guide/current.ts'
import { Localized, useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { useClassInfo } from '../classes/useClassInfo.ts'
import { useGuide } from '../guide/GuideProvider.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { attestPlaces, type PlaceOption, sceneLessonOf } from './places.ts'
import { QUIET_ZONE_MODULES, qrPath } from './qr-svg.ts'
import { readRememberedPlace, rememberPlace } from './remembered-place.ts'
import { type AttestStrings, useAttestStrings } from './strings.ts'
import { useRotatingCode } from './useRotatingCode.ts'
import { type SigningKeyState, useSigningKey } from './useSigningKey.ts'
import { useWakeLock } from './useWakeLock.ts'
import './attest.css'

/**
 * `/trainer/classes/:id/attest`: the trainer's rotating presence code. The trainer picks the
 * stop or lesson; the screen shows a large QR code of `<origin>/a/<token>` that changes every
 * 30 s, signed on this device with the class's key (downloaded once, then offline), and keeps
 * the screen awake while it is open.
 */
export default function AttestDisplayScreen({ classId }: { classId: string }) {
  const s = useAttestStrings()
  const t = useStrings()
  const heading = useScreenTitle(`${s.displayTitle} · ${t.appName}`)
  const { session, state } = useRecords()
  const userId = state.status === 'opening' ? undefined : (session?.userId ?? null)
  const { info } = useClassInfo(classId, userId)
  const key = useSigningKey(classId, userId)
  const refused =
    info.status === 'not-found' ||
    key.status === 'not-found' ||
    key.status === 'forbidden' ||
    key.status === 'login'

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.displayTitle}
      </h1>
      {info.status === 'ready' && <p className="lead">{info.cls.name}</p>}
      <KeyState state={key} s={s} />
      {info.status === 'ready' && key.status === 'ready' && userId && (
        <CodePanel classId={classId} trainerId={userId} signer={key} cls={info.cls} />
      )}
      {info.status === 'not-found' && key.status !== 'not-found' && (
        <p className="attest-problem" role="alert">
          {s.keyNotFound}
        </p>
      )}
      {/* How to show the code: not under a refusal, where there is no code to show. */}
      {!refused && <p className="hint">{s.displayIntro}</p>}
      <p>
        <Link to={paths.trainerClass(classId)} className="back-link">
          {s.backToClass}
        </Link>
      </p>
    </>
  )
}

function KeyState({ state, s }: { state: SigningKeyState; s: AttestStrings }) {
  const [text, tone] = ((): [string, 'ok' | 'wait' | 'problem'] => {
    switch (state.status) {
      case 'loading':
        return [s.keyLoading, 'wait']
      case 'downloading':
        return [s.keyDownloading, 'wait']
      case 'ready':
        return [state.stored ? s.keyReady : s.keyUnsupported, state.stored ? 'ok' : 'problem']
      case 'missing-offline':
        return [s.keyMissingOffline, 'problem']
      case 'forbidden':
        return [s.keyForbidden, 'problem']
      case 'not-found':
        return [s.keyNotFound, 'problem']
      case 'login':
        return [s.keyLogin, 'problem']
      case 'error':
        return [s.keyError, 'problem']
    }
  })()
  if (tone === 'problem')
    return (
      <p className="attest-problem" role="alert" data-key-state={state.status}>
        {text}
        {state.status === 'login' && (
          <>
            {' '}
            <Link to={paths.login()}>{s.logIn}</Link>
          </>
        )}
      </p>
    )
  return (
    <p
      className={`status-line attest-key-state${tone === 'ok' ? ' ok' : ''}`}
      role="status"
      data-key-state={state.status}
    >
      {text}
    </p>
  )
}

function CodePanel({
  classId,
  trainerId,
  signer,
  cls,
}: {
  classId: string
  trainerId: string
  signer: Extract<SigningKeyState, { status: 'ready' }>
  cls: { routeId: string | null; sceneIds: readonly string[]; startsOn: string }
}) {
  const s = useAttestStrings()
  const text = useLocalizedString()
  const content = useContent()
  const guide = useGuide()
  const places = useMemo(
    () => attestPlaces(cls, content, (id) => sceneLessonOf(sceneEntry(id)?.data)),
    [cls, content],
  )
  const all = [...places.sites, ...places.lessons]
  const [place, setPlace] = useState<string | null>(() => {
    const focus = guide?.controller.getSnapshot().classes.get(classId)?.active.focus?.command
    return initialAttestPlace({
      values: all.map((p) => p.value),
      remembered: readRememberedPlace(classId),
      today: chinaDate(new Date()),
      gatheredSiteId: focus?.type === 'gather' ? focus.siteId : null,
      startsOn: cls.startsOn,
      stops: cls.routeId ? content.route(cls.routeId)?.stops : undefined,
    })
  })
  const choose = (value: string) => {
    setPlace(value)
    rememberPlace(classId, value, chinaDate(new Date()))
  }
  const chosen = all.find((p) => p.value === place)
  const { clockOffsetMs } = useRecords()
  const { token, nowMs } = useRotatingCode({
    key: signer.key,
    kid: signer.kid,
    classId,
    trainerId,
    place,
    clockOffsetMs,
  })
  useWakeLock(token !== null)

  if (all.length === 0) return <p>{s.noPlaces}</p>
  const left = secondsLeftInStep(nowMs)
  return (
    <>
      <label className="attest-place">
        <span>{s.placeLabel}</span>
        <select value={place ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
          <PlaceGroup label={s.sitesGroup} options={places.sites} />
          <PlaceGroup label={s.lessonsGroup} options={places.lessons} />
        </select>
      </label>
      {token && chosen && (
        <CodeFigure
          link={`${location.origin}${paths.attestLink(token)}`}
          label={s.qrLabel(text(chosen.name))}
          caption={<Localized text={chosen.name} />}
        />
      )}
      <p className="attest-countdown">
        <progress max={ATTEST_STEP_S} value={left} aria-label={s.countdown(left)} />{' '}
        <span>{s.countdown(left)}</span>
      </p>
    </>
  )
}

function PlaceGroup({ label, options }: { label: string; options: readonly PlaceOption[] }) {
  const text = useLocalizedString()
  if (options.length === 0) return null
  return (
    <optgroup label={label}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {text(o.name)}
        </option>
      ))}
    </optgroup>
  )
}

function CodeFigure({ link, label, caption }: { link: string; label: string; caption: ReactNode }) {
  const { path, size } = useMemo(() => qrPath(link), [link])
  const side = size + 2 * QUIET_ZONE_MODULES
  // On a phone the heading, the key's state and the place's picker push the code below the
  // fold: when it first appears, bring it whole onto the screen (the trainer holds the phone
  // up to the class; a new code every 30 s must not scroll the page again).
  const figure = useRef<HTMLElement>(null)
  useEffect(() => {
    const box = figure.current?.getBoundingClientRect()
    if (box && box.bottom > window.innerHeight) figure.current?.scrollIntoView({ block: 'end' })
  }, [])
  return (
    <figure ref={figure} className="attest-code" data-testid="attest-code" data-attest-link={link}>
      <svg
        viewBox={`${-QUIET_ZONE_MODULES} ${-QUIET_ZONE_MODULES} ${side} ${side}`}
        // attest.css sizes the code to a whole number of pixels per module with it.
        style={{ '--attest-qr-modules': side } as CSSProperties}
        role="img"
        aria-label={label}
        shapeRendering="crispEdges"
      >
        <rect x={-QUIET_ZONE_MODULES} y={-QUIET_ZONE_MODULES} width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
