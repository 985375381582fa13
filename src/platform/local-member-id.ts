/**
 * Before anyone logs in, a device records for its own local member (member.ts), whose id has
 * this prefix. Such records were never sent: no one else holds them, so the member who logs in
 * may claim them (at login, or from a backup file made before logging in).
 */
export const LOCAL_MEMBER_PREFIX = 'local-'

/** Whether a record (as stored or exported) was made before logging in. */
export const madeBeforeLogin = (raw: unknown): boolean => {
  const memberId = (raw as { memberId?: unknown } | null)?.memberId
  return typeof memberId === 'string' && memberId.startsWith(LOCAL_MEMBER_PREFIX)
}
