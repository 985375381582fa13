import { PANORAMA_EYE_M } from '../../src/xr/Hotspots.tsx'
import { PanoramaSphere } from '../../src/xr/panorama/PanoramaSphere.tsx'
import scene from './scene.yaml'

/** A panorama scene is its image and nothing else; hotspots come from scene.yaml (yaw, pitch). */
export default function PanoramaSampleScene() {
  if (scene.kind !== 'panorama') return null
  return <PanoramaSphere src={`/${scene.panorama.src}`} eyeHeightM={PANORAMA_EYE_M} />
}
