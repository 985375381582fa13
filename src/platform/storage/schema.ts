import type { Upgrade } from './idb.ts'

/**
 * The device database. ⚠ Renaming a store or changing a key path loses every record and
 * outbox item on every device that upgrades: add a new version with a migration that copies
 * the data instead, and add its fixture to the upgrade tests (storage-upgrade.test.ts).
 */
export const DB_NAME = 'hongtu'
export const DB_VERSION = 2

export const STORES = {
  /** Every record, key `id`; index `byMember` on memberId. Append-only: never updated or deleted while unsynced. */
  records: 'records',
  /**
   * One entry per unsynced record, key `recordId`; index `byMember`, and (v2) `byMemberState` on
   * [memberId, state, recordId] so that the sync reads a batch, and the screens count what waits,
   * without reading the whole outbox. Removed only on a server ack.
   */
  outbox: 'outbox',
  /** Autosaved drafts (quiz answers, reflections), key `${memberId}:${draftKey}`. */
  drafts: 'drafts',
  /** Device facts: deviceId, the per-device sequence counter, the local profile. */
  meta: 'meta',
} as const

/** Outbox index [memberId, state, recordId]: a member's pending (or parked) entries in id order. */
export const BY_MEMBER_STATE = 'byMemberState'

export const ALL_STORES = Object.values(STORES)

/** Upgrades step by step from whatever version a device has; each step keeps all existing data. */
export const upgrade: Upgrade = (db, oldVersion, tx) => {
  if (oldVersion < 1) {
    db.createObjectStore(STORES.records, { keyPath: 'id' }).createIndex('byMember', 'memberId')
    db.createObjectStore(STORES.outbox, { keyPath: 'recordId' }).createIndex('byMember', 'memberId')
    db.createObjectStore(STORES.drafts)
    db.createObjectStore(STORES.meta)
  }
  if (oldVersion < 2) {
    // An index over the existing rows: IndexedDB builds it inside the upgrade, keeping every row.
    tx.objectStore(STORES.outbox).createIndex(BY_MEMBER_STATE, ['memberId', 'state', 'recordId'])
  }
}
