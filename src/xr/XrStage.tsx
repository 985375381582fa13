import { Canvas, useFrame } from '@react-three/fiber'
import { XR } from '@react-three/xr'
import { type ReactNode, Suspense, useRef } from 'react'
import { STAGE_FOV_DEG } from './panorama/stage-view.ts'
import { Rig } from './Rig.tsx'
import { SceneOverlays } from './SceneOverlays.tsx'
import { ScreenControls } from './ScreenControls.tsx'
import { type SceneStore, SceneStoreContext } from './scene-store.ts'
import { TestBridge } from './TestBridge.tsx'
import { testApiEnabled } from './test-api.ts'
import { xrStore } from './xr-store.ts'

/**
 * The canvas every scene is drawn in: the XR session (entered from the VR screen's button), the
 * member's rig, the screen controls when there is no headset, the shared hotspots and panels,
 * and the scene's own objects as children. `onFirstFrame` fires once the first frame with the
 * scene's content has been drawn (the VR screen then hides its loading state).
 */
export function XrStage({
  store,
  gyro,
  onFirstFrame,
  children,
}: {
  store: SceneStore
  gyro: boolean
  onFirstFrame: () => void
  children: ReactNode
}) {
  const scene = store.getState().scene
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
            <ScreenControls gyro={gyro} walkable={scene.kind === 'model'} />
            <Suspense fallback={null}>
              {children}
              <SceneOverlays />
              <FirstFrame onFirstFrame={onFirstFrame} />
            </Suspense>
          </Rig>
          {testApiEnabled() && <TestBridge />}
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
