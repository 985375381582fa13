import { use } from 'react'
import { DoubleSide } from 'three'
import { panoramaTexture } from './panorama-texture.ts'

/** The image sphere's radius, metres: beyond every hotspot (Hotspots.tsx puts them at 6 m). */
export const PANORAMA_RADIUS_M = 50

/**
 * An equirectangular image around the viewer, its centre column straight ahead (−z) and yaw
 * growing to the right, as equirectUv and the first-frame painter assume. One draw call.
 */
export function PanoramaSphere({ src, eyeHeightM }: { src: string; eyeHeightM: number }) {
  // Suspends until the texture is ready, as a loader would, from the file the page has already.
  const texture = use(panoramaTexture(src))
  // Seen from inside, the image would be mirrored: scale x by −1 undoes that, and the
  // −90° turn brings u = 0.5 from −x to −z.
  return (
    <mesh name="panorama" position={[0, eyeHeightM, 0]} scale={[-1, 1, 1]} rotation={[0, -Math.PI / 2, 0]}>
      <sphereGeometry args={[PANORAMA_RADIUS_M, 64, 32]} />
      <meshBasicMaterial map={texture} side={DoubleSide} toneMapped={false} />
    </mesh>
  )
}
