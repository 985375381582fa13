import type { ClassPublicKey } from '../../domain/attest/keys.ts'
import type { AttestUse } from '../../domain/attest/replay.ts'
import { committed, openDatabase, request, type Upgrade } from '../storage/idb.ts'

/**
 * What the device keeps of the member's classes for offline use, in its own small database
 * (`hongtu-classes`), apart from the record log (`hongtu`, whose schema this never touches):
 * the member's class list, each downloaded class (its info and public keys, to verify the
 * trainer's code offline), a trainer's signing key, and the ledger of codes accepted here.
 *
 * ⚠ Renaming a store or its key path loses every downloaded class and, worse, the ledger that
 * stops one phone vouching for two people: add a version with a migration that copies instead.
 *
 * The signing key is stored as a CryptoKey object, imported non-extractable: IndexedDB keeps
 * it by structured clone, so the page can sign with it offline but no script can read it out.
 */
export const CLASSES_DB = 'hongtu-classes'
export const CLASSES_DB_VERSION = 1

export const CLASS_STORES = {
  /** The member's classes as last fetched, key userId. */
  lists: 'lists',
  /** A class downloaded for offline use, key `${userId} ${classId}`. */
  classes: 'classes',
  /** A trainer's signing key for a class, key `${userId} ${classId}`. */
  signing: 'signing',
  /** Codes accepted on this device, key `${tokenId} ${memberId}`, index byToken. Kept across logouts. */
  uses: 'uses',
} as const

export interface ClassSummary {
  readonly id: string
  readonly name: string
  readonly routeId: string | null
  readonly sceneIds: readonly string[]
  readonly startsOn: string
  readonly endsOn: string
  readonly relation: 'admin' | 'trainer' | 'member'
}

export interface Person {
  readonly id: string
  readonly displayName: string
}

export interface CachedClassList {
  readonly userId: string
  readonly classes: readonly ClassSummary[]
  readonly fetchedAt: string
}

export interface DownloadedClass {
  readonly userId: string
  readonly classId: string
  readonly cls: ClassSummary
  readonly trainers: readonly Person[]
  readonly keys: readonly ClassPublicKey[]
  readonly downloadedAt: string
}

export interface StoredSigningKey {
  readonly userId: string
  readonly classId: string
  readonly kid: string
  /** Non-extractable ES256 private key. */
  readonly privateKey: CryptoKey
  readonly savedAt: string
}

/** How long a ledger entry is kept: far longer than any code is valid, short enough to stay small. */
export const USE_RETENTION_MS = 30 * 86_400_000

const upgrade: Upgrade = (db, oldVersion) => {
  if (oldVersion < 1) {
    db.createObjectStore(CLASS_STORES.lists)
    db.createObjectStore(CLASS_STORES.classes)
    db.createObjectStore(CLASS_STORES.signing)
    db.createObjectStore(CLASS_STORES.uses).createIndex('byToken', 'tokenId')
  }
}

const pair = (userId: string, classId: string) => `${userId} ${classId}`

export class ClassStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory = indexedDB, name = CLASSES_DB): Promise<ClassStore> {
    const db = await openDatabase(factory, name, CLASSES_DB_VERSION, upgrade)
    // A newer app version in another tab needs the database: step aside; this tab reloads later.
    db.onversionchange = () => db.close()
    return new ClassStore(db)
  }

  close() {
    this.db.close()
  }

  private async get<T>(store: string, key: string): Promise<T | undefined> {
    const tx = this.db.transaction(store, 'readonly')
    return (await request(tx.objectStore(store).get(key))) as T | undefined
  }

  private async put(store: string, key: string | undefined, value: unknown): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite', { durability: 'strict' })
    if (key === undefined) tx.objectStore(store).put(value)
    else tx.objectStore(store).put(value, key)
    await committed(tx)
  }

  getList(userId: string) {
    return this.get<CachedClassList>(CLASS_STORES.lists, userId)
  }

  putList(list: CachedClassList) {
    return this.put(CLASS_STORES.lists, list.userId, list)
  }

  getClass(userId: string, classId: string) {
    return this.get<DownloadedClass>(CLASS_STORES.classes, pair(userId, classId))
  }

  putClass(c: DownloadedClass) {
    return this.put(CLASS_STORES.classes, pair(c.userId, c.classId), c)
  }

  getSigningKey(userId: string, classId: string) {
    return this.get<StoredSigningKey>(CLASS_STORES.signing, pair(userId, classId))
  }

  putSigningKey(k: StoredSigningKey) {
    return this.put(CLASS_STORES.signing, pair(k.userId, k.classId), k)
  }

  /** Every member's use of one code on this device. */
  async usesOf(tokenId: string): Promise<AttestUse[]> {
    const tx = this.db.transaction(CLASS_STORES.uses, 'readonly')
    return (await request(tx.objectStore(CLASS_STORES.uses).index('byToken').getAll(tokenId))) as AttestUse[]
  }

  /** Records a use, and drops entries older than {@link USE_RETENTION_MS} in the same transaction. */
  async addUse(use: AttestUse, nowMs: number): Promise<void> {
    const tx = this.db.transaction(CLASS_STORES.uses, 'readwrite', { durability: 'strict' })
    const done = committed(tx)
    const uses = tx.objectStore(CLASS_STORES.uses)
    uses.put(use, `${use.tokenId} ${use.memberId}`)
    const all = (await request(uses.getAll())) as AttestUse[]
    for (const old of all)
      if (Date.parse(old.usedAt) < nowMs - USE_RETENTION_MS) uses.delete(`${old.tokenId} ${old.memberId}`)
    await done
  }

  /**
   * Removes the class lists, downloaded classes and signing keys of everyone but `keepUserId`
   * (none after a logout): on a shared device nobody reads another's classes or signs with a
   * trainer's key (notes/reliability.md P11). The ledger of uses stays: it is what refuses the
   * next person a code already used on this phone.
   */
  async forgetOthers(keepUserId: string | null): Promise<void> {
    const stores = [CLASS_STORES.lists, CLASS_STORES.classes, CLASS_STORES.signing]
    const tx = this.db.transaction(stores, 'readwrite', { durability: 'strict' })
    const done = committed(tx)
    for (const name of stores) {
      const store = tx.objectStore(name)
      const keys = await request(store.getAllKeys())
      const values = (await request(store.getAll())) as { userId?: string }[]
      values.forEach((v, i) => {
        const key = keys[i]
        if (v.userId !== keepUserId && key !== undefined) store.delete(key)
      })
    }
    await done
  }
}

let shared: Promise<ClassStore> | undefined

/** The page's one connection to the class store, opened on first use. */
export function sharedClassStore(): Promise<ClassStore> {
  shared ??= ClassStore.open().catch((e: unknown) => {
    // Let the next caller try again (a private window may refuse IndexedDB only briefly).
    shared = undefined
    throw e
  })
  return shared
}
