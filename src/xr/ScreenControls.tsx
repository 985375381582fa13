import { useFrame, useThree } from '@react-three/fiber'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { SNAP_TURN_DEG } from './comfort.ts'
import { dragLook, keyAction, type LookState, walkDelta } from './look.ts'

/** Only on a phone whose member turned the gyro on: not in every VR screen's first download. */
const DeviceOrientationControls = lazy(() => import('./GyroControls.tsx'))

/**
 * Without a headset: drag (mouse or finger) to look around, arrow keys or WASD to walk, Q/E to
 * snap-turn; on a phone, optionally the device's orientation ("gyro"). The view changes only
 * when the member acts. `walkable` is false for panoramas (the viewpoint is fixed).
 */
export function ScreenControls({ gyro, walkable }: { gyro: boolean; walkable: boolean }) {
  const camera = useThree((s) => s.camera)
  const element = useThree((s) => s.gl.domElement)
  // The stage draws on demand (XrStage.tsx): a look or a step changes only the camera.
  const invalidate = useThree((s) => s.invalidate)
  // Per-frame values live in a mutable object, never in React state (STYLE.md 10).
  const look = useRef<LookState | null>(null)

  useEffect(() => {
    if (gyro) return
    // A sideways finger drag turns the view; an upward or downward swipe scrolls the page, whose
    // hotspot list and quiz are below a stage that fills most of a phone's screen. (A mouse still
    // looks up and down; on a phone, so does the gyro.)
    element.style.touchAction = 'pan-y'
    let last: { x: number; y: number; id: number } | null = null
    const down = (e: PointerEvent) => {
      last = { x: e.clientX, y: e.clientY, id: e.pointerId }
    }
    const move = (e: PointerEvent) => {
      if (!last || e.pointerId !== last.id || !look.current) return
      look.current = dragLook(look.current, e.clientX - last.x, e.clientY - last.y)
      last = { x: e.clientX, y: e.clientY, id: e.pointerId }
      invalidate()
    }
    const up = () => {
      last = null
    }
    const key = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
      const action = keyAction(e.key, SNAP_TURN_DEG)
      if (!action || !look.current) return
      if (action.kind === 'turn') look.current = { ...look.current, yaw: look.current.yaw + action.radians }
      else if (walkable) {
        const [dx, dz] = walkDelta(look.current.yaw, action.forwardM, action.rightM)
        camera.position.x += dx
        camera.position.z += dz
      } else return
      e.preventDefault()
      invalidate()
    }
    element.addEventListener('pointerdown', down)
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    // The browser took the gesture over to scroll.
    window.addEventListener('pointercancel', up)
    window.addEventListener('keydown', key)
    return () => {
      element.removeEventListener('pointerdown', down)
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
      window.removeEventListener('keydown', key)
    }
  }, [gyro, walkable, element, camera, invalidate])

  useFrame(() => {
    if (gyro) return
    look.current ??= { yaw: camera.rotation.y, pitch: camera.rotation.x }
    camera.rotation.set(look.current.pitch, look.current.yaw, 0, 'YXZ')
  })

  return gyro ? (
    <Suspense fallback={null}>
      <DeviceOrientationControls />
    </Suspense>
  ) : null
}
