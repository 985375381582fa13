import { useCallback, useEffect, useState } from 'react'
import {
  type ClassSummary,
  type DownloadedClass,
  type Person,
  sharedClassStore,
} from '../../platform/classes/class-store.ts'
import { fetchClass } from '../../platform/classes/classes-api.ts'

/**
 * One class as a screen shows it: fresh from the server when online, else as downloaded to the
 * device (or as last listed), with the device's download alongside so the screen can say
 * whether the class is ready for the trip.
 */
export type ClassInfoState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready'
      readonly cls: ClassSummary
      readonly trainers: readonly Person[]
      readonly from: 'server' | 'device'
      readonly downloaded: DownloadedClass | undefined
    }
  /** Offline, and the device knows nothing of this class. */
  | { readonly status: 'unavailable-offline' }
  | { readonly status: 'not-found' | 'login' | 'error' }

export function useClassInfo(
  classId: string,
  /** undefined while the device's session is still being read. */
  userId: string | null | undefined,
): { readonly info: ClassInfoState; readonly reload: () => void } {
  const [info, setInfo] = useState<ClassInfoState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (userId === undefined) return
    if (!userId) {
      setInfo({ status: 'login' })
      return
    }
    let live = true
    void attempt
    const run = async (): Promise<ClassInfoState> => {
      const store = await sharedClassStore()
      const [downloaded, online] = await Promise.all([store.getClass(userId, classId), fetchClass(classId)])
      if (online.kind === 'ok') return { status: 'ready', ...online.value, from: 'server', downloaded }
      if (online.kind === 'not-found') return { status: 'not-found' }
      if (downloaded)
        return {
          status: 'ready',
          cls: downloaded.cls,
          trainers: downloaded.trainers,
          from: 'device',
          downloaded,
        }
      if (online.kind === 'unauthenticated') return { status: 'login' }
      const listed = (await store.getList(userId))?.classes.find((c) => c.id === classId)
      if (listed) return { status: 'ready', cls: listed, trainers: [], from: 'device', downloaded }
      return { status: online.kind === 'offline' ? 'unavailable-offline' : 'error' }
    }
    run().then(
      (s) => live && setInfo(s),
      () => live && setInfo({ status: 'error' }),
    )
    return () => {
      live = false
    }
  }, [classId, userId, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { info, reload }
}
