import { createXRStore } from '@react-three/xr'

/**
 * The one XR store of the app (STYLE.md 11: created once, at module scope; a store per render
 * would end the session on every re-render).
 *
 * - `emulate: false`: @react-three/xr's own emulator would fetch environments from a CDN and
 *   only runs on localhost; dev and test builds install iwer themselves (emulator.ts).
 * - `offerSession: false`: the member enters VR with our button, never a browser prompt.
 * - Controller and hand profiles come from our own origin (scenes/vite-plugin.ts ships them),
 *   or controller input itself would fetch them from a CDN. The hands are drawn (the generic
 *   hand model): a headset draws no hands of its own in a WebXR session, and a visitor who put
 *   the controllers down would otherwise point with a hand they cannot see.
 * - Teleport is the controller's ordinary ray on the ground (Rig.tsx TeleportFloor); smooth
 *   locomotion is off (comfort); turning snaps.
 * - A trigger press counts as a click if released within 800 ms, not the library's 300: older
 *   members press deliberately and hold a moment, and a standalone headset dropping frames
 *   under load would otherwise lose presses (the same happens to the emulated headset in CI).
 */
// Absolute: the layout loader resolves profile paths with `new URL(path, base)`.
export const XR_ASSET_PATH = new URL('/xr/profiles/', location.href).href

const CLICK_THRESHOLD_MS = 800

export const xrStore = createXRStore({
  emulate: false,
  offerSession: false,
  baseAssetPath: XR_ASSET_PATH,
  controller: { rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } },
  hand: { rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS } },
  frameRate: 'high',
  foveation: 1,
})
