import { type ApiResult, call, isObject, jsonInit, map, str } from '../../platform/api-call.ts'

/** The member's own account on the server: their password, and the devices logged in as them. */

/** Answers how many other devices were logged out by the change. */
export async function changePassword(
  currentPassword: string,
  newPassword: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<number>> {
  return map(
    await call('/api/me/password', jsonInit('POST', { currentPassword, newPassword }), doFetch),
    (b) => (isObject(b) && typeof b.endedSessions === 'number' ? b.endedSessions : undefined),
  )
}

export interface DeviceSession {
  readonly id: string
  /** "Chrome on Android", as the server read the browser. */
  readonly label: string
  readonly createdAt: string
  readonly lastSeenAt: string
  /** This device. */
  readonly current: boolean
}

export async function fetchSessions(doFetch?: typeof fetch): Promise<ApiResult<DeviceSession[]>> {
  return map(await call('/api/me/sessions', {}, doFetch), (b) =>
    isObject(b) && Array.isArray(b.sessions)
      ? b.sessions.flatMap((v) => {
          if (!isObject(v)) return []
          const id = str(v.id)
          const createdAt = str(v.createdAt)
          const lastSeenAt = str(v.lastSeenAt)
          if (!id || !createdAt || !lastSeenAt) return []
          return [{ id, label: str(v.label) ?? '', createdAt, lastSeenAt, current: v.current === true }]
        })
      : undefined,
  )
}

/** Logs another device out (a lost phone). */
export async function endSession(id: string, doFetch?: typeof fetch): Promise<ApiResult<null>> {
  return map(
    await call(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }, doFetch),
    () => null,
  )
}
