import { useThree } from '@react-three/fiber'
import { type ReactNode, useLayoutEffect, useRef } from 'react'
import type { Group } from 'three'
import { PANEL_DISTANCE_M, PANEL_DROP_M } from './comfort.ts'
import { placeInFront } from './place-in-front.ts'

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
    if (group.current) placeInFront(group.current, camera, PANEL_DISTANCE_M, PANEL_DROP_M)
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
