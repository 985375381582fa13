import { useEffect, useMemo, useRef, useState } from 'react'
import type { Route } from '../../domain/content/pack.ts'
import { usePreferences } from '../../i18n/i18n.tsx'
import { type DownloadedClass, sharedClassStore } from '../../platform/classes/class-store.ts'
import {
  cachedCount,
  type DownloadProgress,
  downloadItems,
  OFFLINE_CACHE,
} from '../../platform/offline-download.ts'
import { requestPersistence } from '../../platform/persistence.ts'
import { formatDateTime } from '../../ui/format.ts'
import { readMapProvider } from '../map/provider-config.ts'
import { planRoute } from '../routes/offline-plan.ts'
import { AppOfflineStatus } from '../shell/AppOfflineStatus.tsx'
import { useContent } from '../shell/content-context.tsx'
import { downloadClassInfo } from './class-download.ts'
import { type ClassesStrings, useClassesStrings } from './strings.ts'

const provider = readMapProvider()

type Problem = 'network' | 'storage-full' | 'login' | 'not-found' | { server: number }
type View =
  | { readonly kind: 'idle' }
  | { readonly kind: 'class-info' }
  | { readonly kind: 'route'; readonly progress: DownloadProgress }
  | { readonly kind: 'failed'; readonly problem: Problem }

/**
 * 下载本班离线资料: the class and its public keys (class-download.ts), then the route's lesson
 * media and map tiles, planned and downloaded exactly as the route screen does
 * (routes/offline-plan.ts, platform/offline-download.ts), with one clear state for both.
 */
export function ClassOffline({
  userId,
  classId,
  route,
  downloaded,
  onDownloaded,
}: {
  userId: string
  classId: string
  route: Route | undefined
  downloaded: DownloadedClass | undefined
  onDownloaded: (d: DownloadedClass) => void
}) {
  const s = useClassesStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const plan = useMemo(() => (route ? planRoute(route, content, provider) : undefined), [route, content])
  const items = plan?.items ?? []
  const [cached, setCached] = useState<number | undefined>(items.length === 0 ? 0 : undefined)
  const [view, setView] = useState<View>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)

  useEffect(() => {
    if (items.length === 0 || !('caches' in window)) return
    let live = true
    void caches
      .open(OFFLINE_CACHE)
      .then((c) => cachedCount(items, c))
      .then((n) => live && setCached(n))
    return () => {
      live = false
    }
  }, [items])
  useEffect(() => () => abort.current?.abort(), [])

  const start = async () => {
    setView({ kind: 'class-info' })
    const store = await sharedClassStore()
    const info = await downloadClassInfo(userId, classId, store)
    if (info.kind !== 'ok') {
      const problem: Problem =
        info.kind === 'unauthenticated'
          ? 'login'
          : info.kind === 'not-found' || info.kind === 'forbidden'
            ? 'not-found'
            : info.kind === 'error'
              ? { server: info.status }
              : 'network'
      return setView({ kind: 'failed', problem })
    }
    onDownloaded(info.value)
    if (items.length > 0 && 'caches' in window) {
      void requestPersistence()
      abort.current = new AbortController()
      const cache = await caches.open(OFFLINE_CACHE)
      const result = await downloadItems(items, {
        cache,
        signal: abort.current.signal,
        onProgress: (progress) => setView({ kind: 'route', progress }),
      })
      setCached(await cachedCount(items, cache))
      if (result.kind === 'storage-full') return setView({ kind: 'failed', problem: 'storage-full' })
      if (result.kind === 'failed') return setView({ kind: 'failed', problem: { server: result.status } })
      if (result.kind === 'network' || result.kind === 'aborted')
        return setView({ kind: 'failed', problem: 'network' })
    }
    setView({ kind: 'idle' })
  }

  const routeDone = cached === items.length
  const allDone = downloaded !== undefined && routeDone
  const busy = view.kind === 'class-info' || view.kind === 'route'
  return (
    <section aria-labelledby="class-offline-heading" className="card">
      <h2 id="class-offline-heading">{s.offlineTitle}</h2>
      <p>{s.offlineIntro}</p>
      <AppOfflineStatus />
      <dl
        className="facts"
        data-testid="class-offline"
        data-state={allDone ? 'done' : downloaded ? 'partial' : 'none'}
      >
        <dt>{s.offlineClassPart}</dt>
        <dd>
          {downloaded
            ? s.offlineInfoDone(formatDateTime(downloaded.downloadedAt, prefs.lang), downloaded.keys.length)
            : s.offlineInfoNone}
        </dd>
        <dt>{s.offlineRoutePart}</dt>
        <dd>
          {items.length === 0
            ? s.offlineRouteNothing
            : cached === undefined
              ? '…'
              : routeDone
                ? s.offlineRouteDone
                : s.offlineRoutePartly(cached, items.length)}
        </dd>
      </dl>
      {view.kind === 'route' && (
        <p role="status">
          <progress
            max={view.progress.total}
            value={view.progress.done}
            aria-label={s.offlineProgressLabel}
          />{' '}
          {s.offlineWorking(view.progress.done, view.progress.total)}
        </p>
      )}
      {view.kind === 'failed' && (
        <p role="alert" className="warn-text">
          {s.offlineFailed}
          {problemText(view.problem, s)}
        </p>
      )}
      {allDone && !busy && (
        <p className="status-line ok" role="status">
          {s.offlineAllDone}
        </p>
      )}
      <button
        type="button"
        className={allDone ? undefined : 'primary big'}
        onClick={() => void start()}
        disabled={busy}
      >
        {allDone ? s.offlineAgain : s.offlineStart}
      </button>
    </section>
  )
}

function problemText(p: Problem, s: ClassesStrings): string {
  if (typeof p === 'object') return s.offlineServerError(p.server)
  switch (p) {
    case 'network':
      return s.offlineNetwork
    case 'storage-full':
      return s.offlineStorageFull
    case 'login':
      return s.offlineLogin
    case 'not-found':
      return s.offlineNotFound
  }
}
