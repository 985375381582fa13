import { lazy, Suspense } from 'react'
import { Hotspots } from './Hotspots.tsx'
import { QuizLauncher } from './QuizLauncher.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'

/**
 * Loaded when the quiz is first opened: many visits never open it, and every scene's screen
 * counts against the VR budget (≤ 400 KB gzip). Precached with the rest, so offline too. Its own
 * Suspense: suspending under the stage's would blank the whole scene while it loads.
 */
const QuizPanel = lazy(() => import('./QuizPanel.tsx').then((m) => ({ default: m.QuizPanel })))
/** The trainer's pause and end, loaded when first needed, for the same reason (most visits are not guided). */
const GuidedNotice = lazy(() => import('./GuidedNotice.tsx').then((m) => ({ default: m.GuidedNotice })))
/** A hotspot's narration, loaded when the first hotspot is opened (a moment, from the precache). */
const NarrationPanel = lazy(() => import('./NarrationPanel.tsx').then((m) => ({ default: m.NarrationPanel })))

/** What every scene shares: its hotspots, the open narration panel, the quiz panel, the trainer's pause and end. */
export function SceneOverlays() {
  const scene = useSceneStore((s) => s.scene)
  const selected = useSceneStore((s) => s.selected)
  const quizOpen = useSceneStore((s) => s.quizOpen)
  const guidedNotice = useSceneStore(
    (s) => s.guided.phase === 'paused' || s.guided.phase === 'ended' || s.guided.highlight !== null,
  )
  const { close } = useSceneActions()
  const hotspot = scene.hotspots.find((h) => h.id === selected)
  return (
    <>
      <Hotspots scene={scene} />
      {hotspot && (
        <Suspense fallback={null}>
          <NarrationPanel key={hotspot.id} hotspot={hotspot} onClose={close} />
        </Suspense>
      )}
      {quizOpen && (
        <Suspense fallback={null}>
          <QuizPanel />
        </Suspense>
      )}
      <QuizLauncher />
      {guidedNotice && (
        <Suspense fallback={null}>
          <GuidedNotice />
        </Suspense>
      )}
    </>
  )
}
