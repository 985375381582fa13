import type { Upgrade } from './idb.ts'

/**
 * The device database. ⚠ Renaming a store or changing a key path loses every record and
 * outbox item on every device that upgrades: add a new version with a migration that copies
 * the data instead, and add its fixture to the upgrade tests (storage-upgrade.test.ts).
 */
export const DB_NAME = 'hongtu'
export const DB_VERSION = 1

export const STORES = {
  /** Every record, key `id`; index `byMember` on memberId. Append-only: never updated or deleted while unsynced. */
  records: 'records',
  /** One entry per unsynced record, key `recordId`; index `byMember`. Removed only on a server ack. */
  outbox: 'outbox',
  /** Autosaved drafts (quiz answers, reflections), key `${memberId}:${draftKey}`. */
  drafts: 'drafts',
  /** Device facts: deviceId, the per-device sequence counter, the local profile. */
  meta: 'meta',
} as const

export const ALL_STORES = Object.values(STORES)

/** Upgrades step by step from whatever version a device has; each step keeps all existing data. */
export const upgrade: Upgrade = (db, oldVersion) => {
  if (oldVersion < 1) {
    db.createObjectStore(STORES.records, { keyPath: 'id' }).createIndex('byMember', 'memberId')
    db.createObjectStore(STORES.outbox, { keyPath: 'recordId' }).createIndex('byMember', 'memberId')
    db.createObjectStore(STORES.drafts)
    db.createObjectStore(STORES.meta)
  }
}
