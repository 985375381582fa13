import { LOCAL_MEMBER_PREFIX, type RecordLog } from './storage/record-log.ts'

/**
 * The member this device records for. Until accounts exist (the sync-server issue), each
 * device has one local member, created on first use and kept in the device database, so
 * every record is already bound to a member id.
 */
export interface LocalMember {
  readonly memberId: string
  readonly displayName: string
}

const KEY = 'localMember'

export async function loadOrCreateLocalMember(log: RecordLog): Promise<LocalMember> {
  const existing = await log.getMeta<LocalMember>(KEY)
  if (existing) return existing
  const member: LocalMember = { memberId: `${LOCAL_MEMBER_PREFIX}${await log.deviceId()}`, displayName: '' }
  await log.setMeta(KEY, member)
  return member
}

export async function renameLocalMember(
  log: RecordLog,
  member: LocalMember,
  displayName: string,
): Promise<LocalMember> {
  const next = { ...member, displayName: displayName.trim().slice(0, 40) }
  await log.setMeta(KEY, next)
  return next
}
