import type { ComponentType } from 'react'
import type { SceneFile } from '../src/domain/scenes/schema.ts'
import type { SceneEntry } from './registry.ts'

/**
 * One scene, loaded on its own: what the VR screen needs, where registry.ts brings every
 * scene's data (its narrations in two languages, 8.6 KB gzip for four scenes) to the screens
 * that list them. Found by folder, so adding a scene adds no line here: its `scene.yaml` and
 * its `<Name>Scene.tsx`.
 */
const dataFiles = import.meta.glob<SceneFile>('./*/scene.yaml', { import: 'default' })
const components = import.meta.glob<{ default: ComponentType }>('./*/*Scene.tsx')

const loaded = new Map<string, Promise<SceneEntry>>()

/** The scene's data and component loader, or undefined when there is no scene with this id. */
export function loadSceneEntry(id: string): Promise<SceneEntry> | undefined {
  const cached = loaded.get(id)
  if (cached) return cached
  const data = dataFiles[`./${id}/scene.yaml`]
  const component = Object.entries(components).find(([path]) => path.startsWith(`./${id}/`))?.[1]
  if (!data || !component) return undefined
  const entry = data().then((file) => ({ data: file, load: component }))
  loaded.set(id, entry)
  // A failed load (a chunk missing from an old cache) is tried again on the next visit.
  entry.catch(() => loaded.delete(id))
  return entry
}
