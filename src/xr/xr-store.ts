import { createXRStore } from '@react-three/xr'
import { XrController, XrHand } from './input-models.tsx'

/**
 * The one XR store of the app (STYLE.md 11: created once, at module scope; a store per render
 * would end the session on every re-render).
 *
 * - `emulate: false`: @react-three/xr's own emulator would fetch environments from a CDN and
 *   only runs on localhost; dev and test builds install iwer themselves (emulator.ts).
 * - `offerSession: false`: the member enters VR with our button, never a browser prompt.
 * - Controller and hand profiles come from our own origin (scenes/vite-plugin.ts ships them),
 *   or controller input itself would fetch them from a CDN. How controllers and hands are drawn
 *   and click: input-models.tsx.
 * - Teleport is the controller's ordinary ray on the ground (Rig.tsx TeleportFloor); smooth
 *   locomotion is off (comfort); turning snaps.
 */
// Absolute: the layout loader resolves profile paths with `new URL(path, base)`.
export const XR_ASSET_PATH = new URL('/xr/profiles/', location.href).href

export const xrStore = createXRStore({
  emulate: false,
  offerSession: false,
  baseAssetPath: XR_ASSET_PATH,
  controller: XrController,
  hand: XrHand,
  frameRate: 'high',
  foveation: 1,
})
