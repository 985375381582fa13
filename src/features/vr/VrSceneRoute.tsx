import type { ReactNode } from 'react'
import { sceneEntry } from '../../../scenes/registry.ts'
import { useGuideSceneCommands } from '../guide/useGuideSceneCommands.ts'
import VrScreen from './VrScreen.tsx'

/** /vr/<sceneId>: the scene's screen, or the app's not-found screen for an unknown id. */
export default function VrSceneRoute({ id, notFound }: { id: string; notFound: ReactNode }) {
  const entry = sceneEntry(id)
  // Guided mode: the trainer's VR commands drive the scene (src/features/guide).
  const commands = useGuideSceneCommands(id)
  return entry ? <VrScreen key={entry.data.id} entry={entry} commands={commands} /> : notFound
}
