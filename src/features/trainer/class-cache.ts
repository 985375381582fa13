import { committed, openDatabase, request } from '../../platform/storage/idb.ts'
import type { ClassDetail, ClassInfo } from './api.ts'
import { CACHE_OWNER_KEY, trainerCacheOwner } from './cache-owner.ts'
import type { CachedRecord } from './pulled-records.ts'

/**
 * The trainer's copy of their classes on this device, so a dashboard still shows the last pull
 * on site with no signal. A SEPARATE database from the members' record log (src/platform/storage):
 * nothing here is ever uploaded, and dropping it loses nothing the server does not have.
 *
 * Shared devices (P11): every entry names the user it was pulled for and is read only for that
 * user; `forgetTrainerCache` deletes the whole database when someone else (or no one) is logged
 * in. The owner is also kept in localStorage so the header can tell, without opening IndexedDB,
 * whether there is anything to delete.
 *
 * WARNING: renaming the database or a store below loses the cache (harmless, it is re-pulled),
 * but an old one would stay on the device unreadable: delete the old name in the upgrade.
 */

const DB_NAME = 'hongtu-trainer'
const DB_VERSION = 1
const CLASSES = 'classes'
const LISTS = 'lists'

export interface ClassSnapshot {
  readonly classId: string
  readonly ownerId: string
  readonly detail: ClassDetail
  /** Every record pulled so far, one per record id, in server order. */
  readonly records: readonly CachedRecord[]
  /** The class pull's cursor after the last page. */
  readonly cursor: string
  /** When the server last answered a pull (ISO 8601). */
  readonly pulledAt: string
}

interface ClassListEntry {
  readonly key: string
  readonly ownerId: string
  readonly classes: readonly ClassInfo[]
  readonly pulledAt: string
}

function open(): Promise<IDBDatabase> {
  return openDatabase(indexedDB, DB_NAME, DB_VERSION, (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore(CLASSES, { keyPath: 'classId' })
      db.createObjectStore(LISTS, { keyPath: 'key' })
    }
  })
}

async function withStore<T>(
  store: string,
  mode: IDBTransactionMode,
  f: (s: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  const db = await open()
  try {
    const tx = db.transaction(store, mode)
    const done = committed(tx)
    const result = await f(tx.objectStore(store))
    await done
    return result
  } finally {
    db.close()
  }
}

function noteOwner(ownerId: string) {
  try {
    localStorage.setItem(CACHE_OWNER_KEY, ownerId)
  } catch {
    // Storage blocked: the cache is still bound to its owner entry by entry.
  }
}

export async function loadClassSnapshot(
  classId: string,
  ownerId: string,
): Promise<ClassSnapshot | undefined> {
  const found = await withStore(CLASSES, 'readonly', (s) => request(s.get(classId)) as Promise<ClassSnapshot>)
  return found?.ownerId === ownerId ? found : undefined
}

export async function saveClassSnapshot(snapshot: ClassSnapshot): Promise<void> {
  noteOwner(snapshot.ownerId)
  await withStore(CLASSES, 'readwrite', (s) => request(s.put(snapshot)))
}

export async function dropClassSnapshot(classId: string): Promise<void> {
  await withStore(CLASSES, 'readwrite', (s) => request(s.delete(classId)))
}

export async function loadClassList(ownerId: string): Promise<ClassListEntry | undefined> {
  const found = await withStore(
    LISTS,
    'readonly',
    (s) => request(s.get('classes')) as Promise<ClassListEntry>,
  )
  return found?.ownerId === ownerId ? found : undefined
}

export async function saveClassList(ownerId: string, classes: readonly ClassInfo[], pulledAt: string) {
  noteOwner(ownerId)
  await withStore(LISTS, 'readwrite', (s) => request(s.put({ key: 'classes', ownerId, classes, pulledAt })))
}

/**
 * Deletes the cache unless it belongs to `userId`. Cheap when there is nothing to delete: the
 * owner mark in localStorage says whether a cache was ever written.
 */
export async function forgetTrainerCache(userId: string | null): Promise<void> {
  const owner = trainerCacheOwner()
  if (owner === null || owner === userId) return
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME)
    req.onsuccess = () => resolve()
    req.onerror = () => resolve()
    // Another tab still has it open: it closes after each use, so the delete completes soon.
    req.onblocked = () => resolve()
  })
  try {
    localStorage.removeItem(CACHE_OWNER_KEY)
  } catch {
    // nothing more to do
  }
}
