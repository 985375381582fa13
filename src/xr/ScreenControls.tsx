import { useFrame, useThree } from '@react-three/fiber'
import { lazy, type RefObject, Suspense, useEffect, useRef } from 'react'
import { SNAP_TURN_DEG } from './comfort.ts'
import { dragLook, keyAction, type LookState, walkDelta } from './look.ts'
import { type KeyFocus, keysMoveView } from './stage-keys.ts'

/** Only on a phone whose member turned the gyro on: not in every VR screen's first download. */
const DeviceOrientationControls = lazy(() => import('./GyroControls.tsx'))

/** Where the keyboard focus is, as far as the stage's keys care (stage-keys.ts). */
function focusOf(target: EventTarget | null, stage: Element): KeyFocus {
  if (!(target instanceof Element) || target === document.body || target === document.documentElement)
    return 'nothing'
  return stage.contains(target) ? 'stage' : 'elsewhere'
}

/**
 * Without a headset: drag (mouse or finger) to look around, arrow keys or WASD to walk, Q/E to
 * snap-turn; on a phone, optionally the device's orientation ("gyro"). The view changes only
 * when the member acts. `walkable` is false for panoramas (the viewpoint is fixed). Keys move
 * the view only while the member is at the `stage` (the element around the canvas): otherwise
 * they are the page's (stage-keys.ts).
 */
export function ScreenControls({
  gyro,
  walkable,
  stage,
}: {
  gyro: boolean
  walkable: boolean
  stage?: RefObject<HTMLElement | null>
}) {
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
      // Alt+← is the browser's "back", Ctrl or ⌘ with a key its own shortcuts.
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const action = keyAction(e.key, SNAP_TURN_DEG)
      if (!action || !look.current) return
      const area = stage?.current ?? element
      const box = area.getBoundingClientRect()
      const at = { topPx: box.top, bottomPx: box.bottom }
      if (!keysMoveView(focusOf(e.target, area), at, window.innerHeight)) return
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
  }, [gyro, walkable, element, camera, invalidate, stage])

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
