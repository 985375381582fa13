import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ContentPack, Lesson, Route, Site } from '../../domain/content/pack.ts'
import type { LessonId, RouteId, SiteId } from '../../domain/ids.ts'
import { fetchContentPack } from '../../platform/content-source.ts'

/** The content, indexed by id, with lookups that the screens share. */
export interface ContentIndex {
  readonly pack: ContentPack
  readonly route: (id: string) => Route | undefined
  readonly site: (id: string) => Site | undefined
  readonly lesson: (id: string) => Lesson | undefined
  /** Routes that stop at a site, in pack order. */
  readonly routesThrough: (site: SiteId) => readonly Route[]
}

export function indexContent(pack: ContentPack): ContentIndex {
  const routes = new Map(pack.routes.map((r) => [r.id as string, r]))
  const sites = new Map(pack.sites.map((s) => [s.id as string, s]))
  const lessons = new Map(pack.lessons.map((l) => [l.id as string, l]))
  return {
    pack,
    route: (id) => routes.get(id as RouteId),
    site: (id) => sites.get(id as SiteId),
    lesson: (id) => lessons.get(id as LessonId),
    routesThrough: (site) => pack.routes.filter((r) => r.stops.some((s) => s.site === site)),
  }
}

export type ContentState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly content: ContentIndex }
  | { readonly status: 'error'; readonly error: string }

const ContentContext = createContext<{ state: ContentState; retry: () => void } | null>(null)

export function ContentProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ContentState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    // `attempt` re-runs this effect when the member taps Retry.
    void attempt
    fetchContentPack().then(
      (pack) => live && setState({ status: 'ready', content: indexContent(pack) }),
      (e: unknown) =>
        live && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
    }
  }, [attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const value = useMemo(() => ({ state, retry }), [state, retry])
  return <ContentContext.Provider value={value}>{children}</ContentContext.Provider>
}

export function useContentState() {
  const ctx = useContext(ContentContext)
  if (!ctx) throw new Error('useContentState outside ContentProvider')
  return ctx
}

/** For screens rendered only once content is ready (the shell guarantees it). */
export function useContent(): ContentIndex {
  const { state } = useContentState()
  if (state.status !== 'ready') throw new Error('useContent before content is ready')
  return state.content
}
