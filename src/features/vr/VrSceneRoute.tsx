import { type ReactNode, use } from 'react'
import type { SceneEntry } from '../../../scenes/registry.ts'
import { loadSceneEntry } from '../../../scenes/scene-loaders.ts'
import type { SceneCommandSource } from '../../xr/commands.ts'
import { useGuideSceneCommands } from '../guide/useGuideSceneCommands.ts'
import VrScreen from './VrScreen.tsx'

/** /vr/<sceneId>: the scene's screen, or the app's not-found screen for an unknown id. */
export default function VrSceneRoute({ id, notFound }: { id: string; notFound: ReactNode }) {
  const entry = loadSceneEntry(id)
  // Guided mode: the trainer's VR commands drive the scene (src/features/guide).
  const commands = useGuideSceneCommands(id)
  return entry ? <LoadedScene key={id} entry={entry} commands={commands} /> : notFound
}

/** Suspends (under the router's boundary) until the scene's data has loaded: one small chunk. */
function LoadedScene({ entry, commands }: { entry: Promise<SceneEntry>; commands: SceneCommandSource }) {
  return <VrScreen entry={use(entry)} commands={commands} />
}
