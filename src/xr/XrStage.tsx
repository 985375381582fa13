import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { lazy, type ReactNode, type RefObject, Suspense, useEffect, useRef, useState } from 'react'
import { newStageAttempt } from './panorama/stage-attempt.ts'
import { STAGE_FOV_DEG } from './panorama/stage-view.ts'
import { Rig } from './Rig.tsx'
import { SceneOverlays } from './SceneOverlays.tsx'
import { ScreenControls } from './ScreenControls.tsx'
import { type SceneStore, SceneStoreContext } from './scene-store.ts'
import { testApiEnabled } from './test-api.ts'
import { xrStore } from './xr-store.ts'

/**
 * Test builds only. The build-time flag is tested here, in this module, so that a production
 * build folds it to false and drops the import: behind `testApiEnabled()` alone (another
 * module's function) the bridge shipped to every member.
 */
const TestBridge =
  import.meta.env.VITE_TEST_API === '1'
    ? lazy(() => import('./TestBridge.tsx').then((m) => ({ default: m.TestBridge })))
    : null

/**
 * The canvas every scene is drawn in: the XR session (entered from the VR screen's button), the
 * member's rig, the screen controls when there is no headset, the shared hotspots and panels,
 * and the scene's own objects as children. `onFirstFrame` fires once the first frame with the
 * scene's content has been drawn (the VR screen then hides its loading state).
 */
export function XrStage({
  store,
  gyro,
  stage,
  onFirstFrame,
  children,
}: {
  store: SceneStore
  gyro: boolean
  /** The focusable element around the canvas: the walk and turn keys are its (ScreenControls.tsx). */
  stage?: RefObject<HTMLElement | null>
  onFirstFrame: () => void
  children: ReactNode
}) {
  const scene = store.getState().scene
  // Once per stage, before anything in it asks for its panorama: a load that failed on the
  // last stage (no network then) is tried again by this one.
  useState(newStageAttempt)
  return (
    <Canvas
      // Without a headset the scene is still until the member acts, so a frame is drawn only
      // when something changed (a prop, a drag, a key, a texture): a still panorama drawn 60
      // times a second kept a phone's GPU busy for nothing and drained its battery (in headless
      // Chromium an idle scene took 1.6 cores). The gyro turns the view with every sensor event,
      // and an XR session draws every frame the headset asks for, whatever this says.
      frameloop={gyro ? 'always' : 'demand'}
      camera={{ fov: STAGE_FOV_DEG, near: 0.05, far: 300 }}
      dpr={[1, 2]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      data-testid="vr-canvas"
    >
      <SceneStoreContext.Provider value={store}>
        <XR store={xrStore}>
          <Rig spawn={scene.spawn}>
            <ScreenControls gyro={gyro} walkable={scene.kind === 'model'} stage={stage} />
            <Suspense fallback={null}>
              {children}
              <SceneOverlays />
              <FirstFrame onFirstFrame={onFirstFrame} />
            </Suspense>
          </Rig>
          <RedrawAfterContextLoss />
          {TestBridge && testApiEnabled() && (
            <Suspense fallback={null}>
              <TestBridge />
            </Suspense>
          )}
        </XR>
      </SceneStoreContext.Provider>
    </Canvas>
  )
}

/** Inside <Suspense>: runs only once everything suspended (textures, fonts) has resolved. */
function FirstFrame({ onFirstFrame }: { onFirstFrame: () => void }) {
  const fired = useRef(false)
  useFrame(() => {
    if (fired.current) return
    fired.current = true
    // useFrame runs before the render: report after this frame has been drawn.
    requestAnimationFrame(onFirstFrame)
  })
  return null
}

/**
 * A phone may drop the page's WebGL context while the app is in the background; three.js sets
 * the restored context up again but draws nothing, and a stage drawn on demand would stay blank
 * until the member touched it. One frame on restore, and one when the page is shown again.
 */
function RedrawAfterContextLoss() {
  const canvas = useThree((s) => s.gl.domElement)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    const redraw = () => document.visibilityState === 'visible' && invalidate()
    canvas.addEventListener('webglcontextrestored', redraw)
    document.addEventListener('visibilitychange', redraw)
    return () => {
      canvas.removeEventListener('webglcontextrestored', redraw)
      document.removeEventListener('visibilitychange', redraw)
    }
  }, [canvas, invalidate])
  return null
}
