import { useThree } from '@react-three/fiber'
import { useXR, useXRControllerLocomotion, XROrigin } from '@react-three/xr'
import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react'
import type { Group, Vector3 } from 'three'
import { rotationYForYaw } from '../domain/scenes/angles.ts'
import { originLiftM, SNAP_TURN_DEG } from './comfort.ts'
import { useSceneStore } from './scene-store.ts'

/**
 * Where the member is. In a headset the XR origin moves (teleport, snap turn) and the camera is
 * left to the headset (STYLE.md 11: move the origin, never the camera). There is no smooth
 * locomotion and nothing ever moves the member without their action (comfort).
 */
/** The XR origin's object name (the test API aims controllers in its frame). */
export const XR_ORIGIN_NAME = 'xr-origin'

type Teleport = (point: Vector3) => void
const TeleportContext = createContext<Teleport>(() => {})

export function Rig({
  spawn,
  children,
}: {
  spawn: { position: [number, number, number]; yawDeg: number }
  children: ReactNode
}) {
  const origin = useRef<Group>(null)
  const posture = useSceneStore((s) => s.posture)
  const inSession = useXR((s) => s.session != null)
  useXRControllerLocomotion(origin, false, { type: 'snap', degrees: SNAP_TURN_DEG })
  // A seated member's origin is lifted so they see from a standing eye height. Set on the
  // mutable origin when the posture changes (nothing else moves it up or down: teleports and
  // snap turns move it across), with a frame asked for, as the stage draws on demand without a
  // headset (XrStage.tsx).
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    if (origin.current) origin.current.position.y = spawn.position[1] + originLiftM(posture)
    invalidate()
  }, [posture, spawn, invalidate])
  const teleport: Teleport = (point) => {
    if (!origin.current) return
    origin.current.position.x = point.x
    origin.current.position.z = point.z
  }
  return (
    <TeleportContext.Provider value={teleport}>
      <XROrigin
        ref={origin}
        name={XR_ORIGIN_NAME}
        position={spawn.position}
        rotation-y={rotationYForYaw(spawn.yawDeg)}
      />
      {!inSession && <ScreenCamera spawn={spawn} />}
      {children}
    </TeleportContext.Provider>
  )
}

/**
 * Marks its children as ground to teleport onto (headset only): point the controller's ray at
 * it and pull the trigger. The same straight ray selects hotspots, so whatever the member points
 * at, nearest first, is what happens. (@react-three/xr's curved teleport pointer was tried: on
 * the same trigger it wins over any hotspot farther than where the curve meets the ground.)
 */
export function TeleportFloor({ children }: { children: ReactNode }) {
  const teleport = useContext(TeleportContext)
  const inSession = useXR((s) => s.session != null)
  // The trainer's pause holds everyone where they are, as it closes panels and hotspots.
  const paused = useSceneStore((s) => s.guided.phase === 'paused')
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element
    <group
      onClick={(e) => {
        if (!inSession || paused) return
        e.stopPropagation()
        teleport(e.point)
      }}
    >
      {children}
    </group>
  )
}

/** Without a headset: the camera starts at the spawn's eye height, facing its yaw. */
function ScreenCamera({ spawn }: { spawn: { position: [number, number, number]; yawDeg: number } }) {
  const camera = useThree((s) => s.camera)
  const placed = useRef(false)
  if (!placed.current) {
    placed.current = true
    camera.position.set(spawn.position[0], spawn.position[1] + 1.6, spawn.position[2])
    camera.rotation.set(0, rotationYForYaw(spawn.yawDeg), 0, 'YXZ')
  }
  return null
}
