import { lazy, Suspense } from 'react'
import { GuidedNotice } from './GuidedNotice.tsx'
import { Hotspots } from './Hotspots.tsx'
import { NarrationPanel } from './NarrationPanel.tsx'
import { QuizLauncher } from './QuizLauncher.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'

/**
 * Loaded when the quiz is first opened: many visits never open it, and every scene's screen
 * counts against the VR budget (≤ 400 KB gzip). Precached with the rest, so offline too. Its own
 * Suspense: suspending under the stage's would blank the whole scene while it loads.
 */
const QuizPanel = lazy(() => import('./QuizPanel.tsx').then((m) => ({ default: m.QuizPanel })))

/** What every scene shares: its hotspots, the open narration panel, the quiz panel, the trainer's pause and end. */
export function SceneOverlays() {
  const scene = useSceneStore((s) => s.scene)
  const selected = useSceneStore((s) => s.selected)
  const quizOpen = useSceneStore((s) => s.quizOpen)
  const { close } = useSceneActions()
  const hotspot = scene.hotspots.find((h) => h.id === selected)
  return (
    <>
      <Hotspots scene={scene} />
      {hotspot && <NarrationPanel key={hotspot.id} hotspot={hotspot} onClose={close} />}
      {quizOpen && (
        <Suspense fallback={null}>
          <QuizPanel />
        </Suspense>
      )}
      <QuizLauncher />
      <GuidedNotice />
    </>
  )
}
