import { createContext, lazy, type ReactNode, Suspense, useContext, useEffect, useState } from 'react'
import { useContentState } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import type { GuideLive } from './guide-live.ts'

/**
 * Guided mode in the app: started for a logged-in user (the live channel, its follower), stopped
 * at logout. This file stays small because it is on the first screen; the channel and the banner
 * load on demand.
 */
const GuideContext = createContext<GuideLive | null>(null)

export function GuideProvider({ children }: { children: ReactNode }) {
  const { session } = useRecords()
  const userId = session?.userId ?? null
  const [live, setLive] = useState<GuideLive | null>(null)

  useEffect(() => {
    if (!userId) return
    let started: GuideLive | null = null
    let cancelled = false
    void import('./guide-live.ts').then(({ startGuide }) => {
      if (cancelled) return
      started = startGuide(userId)
      setLive(started)
    })
    return () => {
      cancelled = true
      started?.stop()
      setLive(null)
    }
  }, [userId])

  return <GuideContext.Provider value={live}>{children}</GuideContext.Provider>
}

/** The running guided mode, or null (nobody logged in, or still loading). */
export function useGuide(): GuideLive | null {
  return useContext(GuideContext)
}

const GuideBanner = lazy(() => import('./GuideBanner.tsx'))

/** Where the trainer's instructions appear, between the header and the screen. */
export function GuideBannerSlot() {
  const live = useGuide()
  // The banner names stops and lessons, so it waits for the content.
  const content = useContentState().state.status
  if (!live || content !== 'ready') return null
  return (
    <Suspense fallback={null}>
      <GuideBanner live={live} />
    </Suspense>
  )
}
