import type { Page } from '@playwright/test'

/** Reads every row of one store of the app's IndexedDB, as the app left it. */
export function readStore<T = Record<string, unknown>>(
  page: Page,
  store: 'records' | 'outbox' | 'drafts' | 'meta',
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('hongtu')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(name)) {
            db.close()
            resolve([])
            return
          }
          const req = db.transaction(name).objectStore(name).getAll()
          req.onsuccess = () => {
            db.close()
            resolve(req.result as T[])
          }
          req.onerror = () => reject(req.error)
        }
      }),
    store,
  )
}
