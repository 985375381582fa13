import { directionFromYawPitch } from '../domain/scenes/angles.ts'
import type { SceneFile } from '../domain/scenes/schema.ts'
import { Hotspot } from './Hotspot.tsx'
import { useXrText } from './use-xr-text.ts'

/** Panorama hotspots sit on a sphere this far from the viewer, metres (inside the image sphere). */
export const PANORAMA_HOTSPOT_DISTANCE_M = 6
/** The eye height panoramas are viewed from, metres; hotspot directions start there. */
export const PANORAMA_EYE_M = 1.6

/** Every hotspot of a scene: at its position (model) or along its yaw and pitch (panorama). */
export function Hotspots({ scene }: { scene: SceneFile }) {
  const { text } = useXrText()
  if (scene.kind === 'model')
    return scene.hotspots.map((h) => (
      <Hotspot key={h.id} id={h.id} title={text(h.title)} position={h.position} />
    ))
  return scene.hotspots.map((h) => {
    const [x, y, z] = directionFromYawPitch(h.yawDeg, h.pitchDeg)
    const d = PANORAMA_HOTSPOT_DISTANCE_M
    return (
      <Hotspot
        key={h.id}
        id={h.id}
        title={text(h.title)}
        position={[x * d, PANORAMA_EYE_M + y * d, z * d]}
        scale={2.2}
      />
    )
  })
}
