/**
 * Who is connected to a class's guided session, as the trainer sees it. Each server process
 * reports the people connected to it (one row per person and process); a person with two tabs
 * or two devices on two processes is one entry, connected while any connection lasts, and has
 * followed up to the highest sequence number any of their screens acknowledged.
 */
export type PresenceRole = 'lead' | 'follow'

export interface PresenceRow {
  readonly userId: string
  readonly displayName: string
  readonly role: PresenceRole
  readonly connections: number
  /** The newest command sequence number this person's screen shows (0: none yet). */
  readonly ackedSeq: number
}

export interface PresencePerson {
  readonly userId: string
  readonly displayName: string
  readonly role: PresenceRole
  readonly connections: number
  readonly ackedSeq: number
}

export function mergePresence(rows: readonly PresenceRow[]): PresencePerson[] {
  const byUser = new Map<string, PresencePerson>()
  for (const row of rows) {
    if (row.connections <= 0) continue
    const seen = byUser.get(row.userId)
    byUser.set(
      row.userId,
      seen
        ? {
            ...seen,
            // Someone who leads anywhere is shown as leading.
            role: seen.role === 'lead' || row.role === 'lead' ? 'lead' : 'follow',
            connections: seen.connections + row.connections,
            ackedSeq: Math.max(seen.ackedSeq, row.ackedSeq),
          }
        : { ...row },
    )
  }
  return [...byUser.values()].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1) ||
      a.displayName.localeCompare(b.displayName, 'zh-CN') ||
      a.userId.localeCompare(b.userId),
  )
}

/** Whether a person's screen shows the class's newest command. */
export const hasFollowed = (person: Pick<PresencePerson, 'ackedSeq'>, classSeq: number) =>
  classSeq > 0 && person.ackedSeq >= classSeq
