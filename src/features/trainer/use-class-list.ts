import { useCallback, useEffect, useState } from 'react'
import { type ClassInfo, fetchClass, fetchClasses } from './api.ts'
import { loadClassList, saveClassList } from './class-cache.ts'

export type ClassListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly classes: readonly ClassInfo[]; readonly savedAt: string | null }
  | { readonly status: 'offline-empty' }
  | { readonly status: 'logged-out' }
  | { readonly status: 'error'; readonly httpStatus: number }

/**
 * The classes a trainer trains (an admin: all), from the server, or from this device's copy
 * when offline (`savedAt` is then when that copy was pulled).
 */
export function useClassList(ownerId: string): { state: ClassListState; retry: () => void } {
  const [state, setState] = useState<ClassListState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    void attempt
    void (async () => {
      const got = await fetchClasses()
      if (!live) return
      if (got.ok) {
        const classes = await withMemberCounts(got.value.filter((c) => c.relation !== 'member'))
        if (!live) return
        setState({ status: 'ready', classes, savedAt: null })
        await saveClassList(ownerId, classes, new Date().toISOString()).catch(() => undefined)
        return
      }
      if (got.kind === 'logged-out') return setState({ status: 'logged-out' })
      const saved = await loadClassList(ownerId).catch(() => undefined)
      if (!live) return
      if (saved) return setState({ status: 'ready', classes: saved.classes, savedAt: saved.pulledAt })
      setState(
        got.kind === 'offline'
          ? { status: 'offline-empty' }
          : { status: 'error', httpStatus: got.kind === 'error' || got.kind === 'invalid' ? got.status : 0 },
      )
    })()
    return () => {
      live = false
    }
  }, [ownerId, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}

/** Member counts by class detail, for the first few classes, when the list does not carry them. */
const COUNT_LOOKUPS = 30

async function withMemberCounts(classes: ClassInfo[]): Promise<ClassInfo[]> {
  return Promise.all(
    classes.map(async (c, i) => {
      if (c.memberCount !== null || i >= COUNT_LOOKUPS) return c
      const got = await fetchClass(c.id)
      return got.ok ? { ...c, memberCount: got.value.members.length } : c
    }),
  )
}
