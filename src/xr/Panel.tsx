import { useThree } from '@react-three/fiber'
import { type ReactNode, useLayoutEffect, useRef } from 'react'
import { type Group, Vector3 } from 'three'
import { PANEL_DISTANCE_M, PANEL_DROP_M } from './comfort.ts'

const eye = new Vector3()
const ahead = new Vector3()

/**
 * A panel that opens in front of the viewer, where they look when it opens, and then stays put
 * (it never follows the head: a world-fixed panel is more comfortable). Width and height in metres.
 */
export function Panel({
  name,
  width,
  height,
  children,
}: {
  name: string
  width: number
  height: number
  children: ReactNode
}) {
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera)
  useLayoutEffect(() => {
    const g = group.current
    if (!g) return
    camera.getWorldPosition(eye)
    camera.getWorldDirection(ahead)
    ahead.y = 0
    if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1)
    ahead.normalize()
    g.position.copy(eye).addScaledVector(ahead, PANEL_DISTANCE_M)
    g.position.y = eye.y - PANEL_DROP_M
    g.lookAt(eye.x, g.position.y, eye.z)
  }, [camera])
  return (
    <group ref={group} name={name}>
      {/* Catches pointers so a click on the panel never reaches what is behind it. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element */}
      <mesh position={[0, 0, -0.01]} onClick={(e) => e.stopPropagation()}>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color="#fffaf3" toneMapped={false} />
      </mesh>
      {children}
    </group>
  )
}
