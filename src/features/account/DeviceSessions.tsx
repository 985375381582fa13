import { useCallback, useEffect, useId, useState } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import type { ApiResult } from '../../platform/api-call.ts'
import { formatDateTime, formatTimeAgo } from '../../ui/format.ts'
import { AskTwice } from '../trainer/AskTwice.tsx'
import { type DeviceSession, endSession, fetchSessions } from './account-api.ts'
import { useAccountScreenStrings } from './account-screen-strings.ts'

/**
 * The devices logged in as this member, most recently used first, this one marked; any other
 * can be logged out (asked twice: the member may be holding the wrong phone's name in mind).
 * Its unsynced records stay on it (the outbox keeps them on a 401) until the member logs in there.
 */
export function DeviceSessions() {
  const s = useAccountScreenStrings()
  const { prefs } = usePreferences()
  const ids = useId()
  const [list, setList] = useState<ApiResult<DeviceSession[]> | null>(null)
  const [asking, setAsking] = useState<DeviceSession | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(async () => {
    setList(await fetchSessions())
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const end = async (session: DeviceSession) => {
    setBusy(true)
    const r = await endSession(session.id)
    setBusy(false)
    setAsking(null)
    // Already gone (ended elsewhere, or expired) is what was wanted too.
    if (r.ok || r.kind === 'not-found') setNotice(s.sessionEnded(session.label))
    else
      setNotice(r.kind === 'offline' ? s.devicesNeedOnline : s.serverError(r.kind === 'error' ? r.status : 0))
    await load()
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="account-section">
      <h2 id={`${ids}-title`}>{s.devicesTitle}</h2>
      <p className="hint">{s.devicesIntro}</p>
      {notice && (
        <p className="status-line ok" role="status">
          {notice}
        </p>
      )}
      {list === null && <p>{s.loading}</p>}
      {list && !list.ok && (
        <div className="status-line warn" role="alert">
          <p>
            {list.kind === 'offline'
              ? s.devicesNeedOnline
              : s.serverError(list.kind === 'error' ? list.status : 0)}
          </p>
          <button type="button" onClick={() => void load()}>
            {s.retry}
          </button>
        </div>
      )}
      {list?.ok && (
        <ul className="device-sessions" data-testid="device-sessions">
          {list.value.map((d) => (
            <li key={d.id}>
              <p className="device-label">
                {d.label}
                {d.current && s.thisDevice}
              </p>
              <p className="hint">
                {s.lastSeen(formatTimeAgo(d.lastSeenAt, prefs.lang))} ·{' '}
                {s.loggedInOn(formatDateTime(d.createdAt, prefs.lang))}
              </p>
              {!d.current &&
                (asking?.id === d.id ? (
                  <AskTwice
                    question={s.endSessionQuestion(d.label)}
                    yes={s.endSessionYes}
                    working={s.endSessionWorking}
                    cancel={s.cancel}
                    busy={busy}
                    onYes={() => void end(d)}
                    onCancel={() => setAsking(null)}
                  />
                ) : (
                  <button type="button" aria-label={s.endSession(d.label)} onClick={() => setAsking(d)}>
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
