import { DefaultXRController, DefaultXRHand } from '@react-three/xr'
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx'

/**
 * The controllers and hands a visitor sees and points with. Their models are files (GLB) from
 * our origin, fetched when a headset first shows them: a headset offline before the file was
 * cached (a PICO's controllers, say) could not load it, and the error took the whole app down
 * to a blank page in the middle of the session. A model that cannot load is now left out: the
 * ray, the cursor, the trigger and the pinch work as before, without the model.
 *
 * A trigger press counts as a click if released within 800 ms, not the library's 300: older
 * members press deliberately and hold a moment, and a standalone headset dropping frames under
 * load would otherwise lose presses (the same happens to the emulated headset in CI).
 */
export const CLICK_THRESHOLD_MS = 800

const POINTING = { rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } }

export function XrController() {
  return (
    <ErrorBoundary fallback={<DefaultXRController {...POINTING} model={false} />}>
      <DefaultXRController {...POINTING} />
    </ErrorBoundary>
  )
}

/**
 * The hands are drawn (the generic hand model): a headset draws no hands of its own in a WebXR
 * session, and a visitor who put the controllers down would otherwise point with a hand they
 * cannot see.
 */
export function XrHand() {
  return (
    <ErrorBoundary fallback={<DefaultXRHand {...POINTING} model={false} />}>
      <DefaultXRHand {...POINTING} />
    </ErrorBoundary>
  )
}
