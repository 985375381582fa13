import { useCallback, useEffect, useState } from 'react'
import { type ClassSummary, sharedClassStore } from '../../platform/classes/class-store.ts'
import { fetchMyClasses } from '../../platform/classes/classes-api.ts'

/**
 * The user's classes: from the server when online (and then saved on the device), else as last
 * saved, with which of them are downloaded for offline use.
 */
export type MyClassesState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready'
      readonly classes: readonly ClassSummary[]
      readonly from: 'server' | 'device'
      readonly fetchedAt: string
      readonly downloaded: ReadonlySet<string>
    }
  | { readonly status: 'offline-none' | 'login' | 'error' }

export function useMyClasses(userId: string | null | undefined): {
  readonly state: MyClassesState
  readonly retry: () => void
} {
  const [state, setState] = useState<MyClassesState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (userId === undefined) return
    if (userId === null) {
      setState({ status: 'login' })
      return
    }
    let live = true
    void attempt
    const run = async (): Promise<MyClassesState> => {
      const store = await sharedClassStore()
      const online = await fetchMyClasses()
      let list = await store.getList(userId)
      let from: 'server' | 'device' = 'device'
      if (online.kind === 'ok') {
        list = { userId, classes: online.value, fetchedAt: new Date().toISOString() }
        from = 'server'
        // Saved for the trip; a failure here only costs the offline copy.
        await store.putList(list).catch(() => {})
      } else if (online.kind === 'unauthenticated' && !list) return { status: 'login' }
      else if (online.kind === 'error' && !list) return { status: 'error' }
      if (!list) return { status: 'offline-none' }
      const downloaded = new Set<string>()
      for (const c of list.classes) if (await store.getClass(userId, c.id)) downloaded.add(c.id)
      return { status: 'ready', classes: list.classes, from, fetchedAt: list.fetchedAt, downloaded }
    }
    run().then(
      (s) => live && setState(s),
      () => live && setState({ status: 'error' }),
    )
    return () => {
      live = false
    }
  }, [userId, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}
