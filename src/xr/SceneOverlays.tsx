import { GuidedNotice } from './GuidedNotice.tsx'
import { Hotspots } from './Hotspots.tsx'
import { NarrationPanel } from './NarrationPanel.tsx'
import { QuizLauncher } from './QuizLauncher.tsx'
import { QuizPanel } from './QuizPanel.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'

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
      {quizOpen && <QuizPanel />}
      <QuizLauncher />
      <GuidedNotice />
    </>
  )
}
