import { useEffect, useMemo, useRef, useState } from 'react'
import type { Route } from '../../domain/content/pack.ts'
import { useStrings } from '../../i18n/i18n.tsx'
import {
  cachedCount,
  type DownloadProgress,
  type DownloadResult,
  downloadItems,
  headSize,
  OFFLINE_CACHE,
} from '../../platform/offline-download.ts'
import { requestPersistence } from '../../platform/persistence.ts'
import { readMapProvider } from '../map/provider-config.ts'
import { AppOfflineStatus } from '../shell/AppOfflineStatus.tsx'
import { useContent } from '../shell/content-context.tsx'
import { planRoute } from './offline-plan.ts'

const provider = readMapProvider()
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

type View =
  | { kind: 'checking' }
  | { kind: 'idle'; cached: number }
  | { kind: 'downloading'; progress: DownloadProgress }
  | { kind: 'finished'; result: DownloadResult; cached: number }

/** 离线下载: the route's extra files, with the size up front, progress, resume and a clear state. */
export function RouteOffline({ route }: { route: Route }) {
  const t = useStrings()
  const content = useContent()
  const [sizes, setSizes] = useState<Record<string, number>>({})
  const plan = useMemo(
    () => planRoute(route, content, provider, (u) => sizes[u] ?? 0),
    [route, content, sizes],
  )
  const [view, setView] = useState<View>({ kind: 'checking' })
  const abort = useRef<AbortController | null>(null)
  const total = plan.items.length
  const estBytes = plan.items.reduce((n, i) => n + i.estBytes, 0)

  useEffect(() => {
    let live = true
    void Promise.all(plan.media.map(async (u) => [u, await headSize(u)] as const)).then(
      (pairs) => live && pairs.length > 0 && setSizes(Object.fromEntries(pairs)),
    )
    return () => {
      live = false
    }
  }, [plan.media])

  useEffect(() => {
    if (total === 0 || !('caches' in window)) return
    let live = true
    void caches
      .open(OFFLINE_CACHE)
      .then((c) => cachedCount(plan.items, c))
      .then((cached) => live && setView((v) => (v.kind === 'downloading' ? v : { kind: 'idle', cached })))
    return () => {
      live = false
    }
  }, [plan.items, total])

  useEffect(() => () => abort.current?.abort(), [])

  if (total === 0)
    return (
      <section aria-labelledby="offline-heading">
        <h2 id="offline-heading">{t.offlineTitle}</h2>
        <AppOfflineStatus />
        <p>{t.offlineNothingExtra}</p>
      </section>
    )

  const start = async () => {
    abort.current = new AbortController()
    void requestPersistence()
    const cache = await caches.open(OFFLINE_CACHE)
    const result = await downloadItems(plan.items, {
      cache,
      signal: abort.current.signal,
      onProgress: (progress) => setView({ kind: 'downloading', progress }),
    })
    setView({ kind: 'finished', result, cached: await cachedCount(plan.items, cache) })
  }

  const cached = view.kind === 'idle' || view.kind === 'finished' ? view.cached : 0
  const state =
    cached === total
      ? t.offlineStateDone
      : cached > 0
        ? t.offlineStatePartly(cached, total)
        : t.offlineStateNone
  return (
    <section aria-labelledby="offline-heading">
      <h2 id="offline-heading">{t.offlineTitle}</h2>
      <AppOfflineStatus />
      <p>{t.offlineSummary(plan.media.length, plan.tiles, plan.maxZoom, mb(estBytes))}</p>
      {view.kind === 'downloading' ? (
        <div role="status">
          <progress
            max={view.progress.total}
            value={view.progress.done}
            aria-label={t.offlineProgressLabel}
          />{' '}
          {t.offlineProgress(view.progress.done, view.progress.total, mb(view.progress.bytes))}{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            {t.offlineCancel}
          </button>
        </div>
      ) : (
        <>
          <p data-testid="offline-state">{view.kind === 'checking' ? '…' : state}</p>
          {view.kind === 'finished' && view.result.kind !== 'complete' && (
            <p role="alert" className="warn-text">
              {view.result.kind === 'storage-full'
                ? t.offlineStorageFull
                : view.result.kind === 'network'
                  ? t.offlineNetwork
                  : view.result.kind === 'failed'
                    ? t.offlineFailed(view.result.status)
                    : t.offlineAborted}
            </p>
          )}
          {cached < total && view.kind !== 'checking' && (
            <button type="button" className="primary" onClick={() => void start()}>
              {cached > 0 ? t.offlineResume : t.offlineStart}
            </button>
          )}
        </>
      )}
    </section>
  )
}
