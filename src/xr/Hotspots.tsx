import { directionFromYawPitch } from '../domain/scenes/angles.ts'
import type { SceneFile } from '../domain/scenes/schema.ts'
import { Hotspot } from './Hotspot.tsx'
import { useXrText } from './use-xr-text.ts'

/** Panorama hotspots sit on a sphere this far from the viewer, metres (inside the image sphere). */
export const PANORAMA_HOTSPOT_DISTANCE_M = 6
/** The eye height panoramas are viewed from, metres; hotspot directions start there. */
export const PANORAMA_EYE_M = 1.6

type SceneHotspot = SceneFile['hotspots'][number]

/** Where a hotspot is in the world: its position (model) or along its yaw and pitch (panorama). */
export function hotspotPosition(h: SceneHotspot): [number, number, number] {
  if ('position' in h) return h.position
  const [x, y, z] = directionFromYawPitch(h.yawDeg, h.pitchDeg)
  const d = PANORAMA_HOTSPOT_DISTANCE_M
  return [x * d, PANORAMA_EYE_M + y * d, z * d]
}

/** Every hotspot of a scene, where hotspotPosition puts it (larger on a panorama's far sphere). */
export function Hotspots({ scene }: { scene: SceneFile }) {
  const { text } = useXrText()
  return scene.hotspots.map((h) => (
    <Hotspot
      key={h.id}
      id={h.id}
      title={text(h.title)}
      position={hotspotPosition(h)}
      {...(scene.kind === 'model' ? {} : { scale: 2.2 })}
    />
  ))
}
