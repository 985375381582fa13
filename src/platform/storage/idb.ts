/** Minimal promise wrappers over IndexedDB; deliberately plain API usage (Safari is where IDB bugs live). */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/**
 * Resolves when the transaction has committed, rejects when it aborts. A write is durable
 * only after this resolves: nothing may be shown as saved before.
 */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'))
    tx.onerror = (e) => {
      // Let the error abort the transaction; the abort handler reports it once.
      e.preventDefault()
      try {
        tx.abort()
      } catch {
        // already aborted or finished
      }
    }
  })
}

export type Upgrade = (db: IDBDatabase, oldVersion: number, tx: IDBTransaction) => void

export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: Upgrade,
  onBlocked?: () => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, version)
    req.onupgradeneeded = (e) => {
      if (!req.transaction) throw new Error('upgrade without a transaction')
      upgrade(req.result, e.oldVersion, req.transaction)
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
    req.onblocked = () => onBlocked?.()
  })
}
