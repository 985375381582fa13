import { type ReactNode, use, useEffect, useState } from 'react'
import type { SceneEntry } from '../../../scenes/registry.ts'
import { loadSceneEntry } from '../../../scenes/scene-loaders.ts'
import type { SceneCommandSource } from '../../xr/commands.ts'
import { useGuideSceneCommands } from '../guide/useGuideSceneCommands.ts'
import VrScreen from './VrScreen.tsx'

/**
 * /vr/<sceneId>: the scene's screen, or the app's not-found screen for an unknown id.
 *
 * Another scene gets a new screen and a new canvas. A headset session cannot move to the new
 * canvas: left open, it stayed bound to the dead one and the visitor saw a frozen view that only
 * the headset's system button ended (a trainer's scene change does this to every member in VR).
 * So the old scene stays until the session has ended cleanly; the new one then says to enter VR
 * again, which only the visitor's own press can do.
 */
export default function VrSceneRoute({ id, notFound }: { id: string; notFound: ReactNode }) {
  const [shown, setShown] = useState({ id, leftVr: false })
  useEffect(() => {
    if (id === shown.id) return
    let current = true
    void endXrSession().then((leftVr) => {
      if (current) setShown({ id, leftVr })
    })
    return () => {
      current = false
    }
  }, [id, shown.id])
  const entry = loadSceneEntry(shown.id)
  // Guided mode: the trainer's VR commands drive the scene (src/features/guide).
  const commands = useGuideSceneCommands(shown.id)
  return entry ? (
    <LoadedScene key={shown.id} entry={entry} commands={commands} leftVr={shown.leftVr} />
  ) : (
    notFound
  )
}

/** Ends the headset session if one is open; true when it did. */
async function endXrSession(): Promise<boolean> {
  const { xrStore } = await import('../../xr/xr-store.ts')
  const session = xrStore.getState().session
  if (!session) return false
  // Already ending (the visitor took the headset off) rejects: gone either way. A runtime that
  // never answers must not hold the old scene on screen: the new one comes after a moment.
  await Promise.race([
    session.end().catch(() => {}),
    new Promise<void>((resolve) => setTimeout(resolve, SESSION_END_WAIT_MS)),
  ])
  return true
}

const SESSION_END_WAIT_MS = 2000

/** Suspends (under the router's boundary) until the scene's data has loaded: one small chunk. */
function LoadedScene({
  entry,
  commands,
  leftVr,
}: {
  entry: Promise<SceneEntry>
  commands: SceneCommandSource
  leftVr: boolean
}) {
  return <VrScreen entry={use(entry)} commands={commands} leftVrForSceneChange={leftVr} />
}
