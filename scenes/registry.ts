import type { ComponentType } from 'react'
import type { SceneFile } from '../src/domain/scenes/schema.ts'
import huiningHuishi from './huining-huishi/scene.yaml'
import oathHall from './oath-hall/scene.yaml'
import panoramaSample from './panorama-sample/scene.yaml'
import yananYaodong from './yanan-yaodong/scene.yaml'

/**
 * The scenes of the VR classroom, in the order the VR screen lists them. The data (validated at
 * build time, a few KB) is here; each scene's 3D objects load only when the scene opens.
 * Adding a scene: a folder with scene.yaml and its components, and one line here.
 */
export interface SceneEntry {
  readonly data: SceneFile
  readonly load: () => Promise<{ default: ComponentType }>
}

export const SCENES: readonly SceneEntry[] = [
  { data: huiningHuishi, load: () => import('./huining-huishi/HuiningScene.tsx') },
  { data: yananYaodong, load: () => import('./yanan-yaodong/YaodongScene.tsx') },
  { data: oathHall, load: () => import('./oath-hall/OathHallScene.tsx') },
  { data: panoramaSample, load: () => import('./panorama-sample/PanoramaSampleScene.tsx') },
]

export function sceneEntry(id: string): SceneEntry | undefined {
  return SCENES.find((s) => s.data.id === id)
}
