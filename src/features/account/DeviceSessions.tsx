import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import type { ApiFailure, ApiResult } from '../../platform/api-call.ts'
import { formatDateTime, formatTimeAgo } from '../../ui/format.ts'
import { Link, paths } from '../shell/router.tsx'
import { AskTwice } from '../trainer/AskTwice.tsx'
import { type DeviceSession, endSession, fetchSessions } from './account-api.ts'
import { type AccountScreenStrings, useAccountScreenStrings } from './account-screen-strings.ts'
import { deviceName } from './device-name.ts'

/** What to say, not the words said: switching the language re-says it. */
type Notice = { readonly ok: boolean; readonly say: (t: AccountScreenStrings) => string }

/**
 * The devices logged in as this member, most recently used first, this one marked; any other
 * can be logged out (asked twice: the member may be holding the wrong phone's name in mind).
 * Its unsynced records stay on it (the outbox keeps them on a 401) until the member logs in there.
 * When that fails (offline), the list stays and the member is told the device is still logged in.
 * `refreshKey` changes when something else ended sessions (a new password).
 */
export function DeviceSessions({ refreshKey }: { refreshKey: number }) {
  const s = useAccountScreenStrings()
  const { prefs } = usePreferences()
  const ids = useId()
  const [list, setList] = useState<ApiResult<DeviceSession[]> | null>(null)
  const [asking, setAsking] = useState<DeviceSession | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const askRef = useRef<HTMLDivElement>(null)
  const noticeRef = useRef<HTMLParagraphElement>(null)

  const load = useCallback(async () => {
    setList(await fetchSessions())
  }, [])
  useEffect(() => {
    void refreshKey
    void load()
  }, [load, refreshKey])
  // The question replaces the button pressed to get here: it takes the focus, and so does the outcome.
  useEffect(() => {
    if (asking) askRef.current?.focus()
  }, [asking])
  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  const name = (d: DeviceSession) => deviceName(d.label, prefs.lang)
  const failureText = (t: AccountScreenStrings, f: ApiFailure) =>
    f.kind === 'offline'
      ? t.devicesNeedOnline
      : f.kind === 'logged-out'
        ? t.thisDeviceLoggedOut
        : t.serverError(f.kind === 'error' ? f.status : 0)

  const end = async (session: DeviceSession) => {
    setBusy(true)
    const r = await endSession(session.id)
    setBusy(false)
    setAsking(null)
    // Already gone (ended elsewhere, or expired) is what was wanted too.
    if (r.ok || r.kind === 'not-found') {
      setNotice({ ok: true, say: (t) => t.sessionEnded(name(session)) })
      await load()
    } else
      setNotice({
        ok: false,
        say: (t) =>
          r.kind === 'offline'
            ? t.sessionEndOffline(name(session))
            : `${t.sessionEndFailed(name(session))}${failureText(t, r)}`,
      })
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="account-section">
      <h2 id={`${ids}-title`}>{s.devicesTitle}</h2>
      <p className="hint">{s.devicesIntro}</p>
      {notice && (
        <p
          className={`status-line ${notice.ok ? 'ok' : 'warn'}`}
          role={notice.ok ? 'status' : 'alert'}
          tabIndex={-1}
          ref={noticeRef}
        >
          {notice.say(s)}
        </p>
      )}
      {list === null && <p>{s.loading}</p>}
      {list && !list.ok && (
        <div className="status-line warn" role="alert">
          <p>{failureText(s, list)}</p>
          {list.kind === 'logged-out' ? (
            <Link to={paths.login(paths.account())} className="button-link primary">
              {s.logInAgain}
            </Link>
          ) : (
            <button type="button" onClick={() => void load()}>
              {s.retry}
            </button>
          )}
        </div>
      )}
      {list?.ok && (
        <ul className="device-sessions" data-testid="device-sessions">
          {list.value.map((d) => (
            <li key={d.id}>
              <p className="device-label" id={`${ids}-${d.id}`}>
                {name(d)}
                {d.current && s.thisDevice}
              </p>
              <p className="hint">
                {s.loggedInOn(formatDateTime(d.createdAt, prefs.lang))} ·{' '}
                {s.lastSeen(formatTimeAgo(d.lastSeenAt, prefs.lang))}
              </p>
              {!d.current &&
                (asking?.id === d.id ? (
                  <AskTwice
                    question={s.endSessionQuestion(name(d))}
                    yes={s.endSessionYes}
                    working={s.endSessionWorking}
                    cancel={s.cancel}
                    busy={busy}
                    onYes={() => void end(d)}
                    onCancel={() => {
                      setAsking(null)
                      // Back to the button that asked, which the question had replaced.
                      requestAnimationFrame(() => document.getElementById(`${ids}-${d.id}-end`)?.focus())
                    }}
                    focusRef={askRef}
                  />
                ) : (
                  // The visible words are the name (voice control says them); the device is its description.
                  <button
                    type="button"
                    id={`${ids}-${d.id}-end`}
                    aria-describedby={`${ids}-${d.id}`}
                    onClick={() => setAsking(d)}
                  >
                    {s.endSessionShort}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
