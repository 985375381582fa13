import type { SceneCommand } from './commands.ts'

/**
 * A small test API on `window.__hongtuTest` (STYLE.md 14) for what selectors cannot reach: the
 * renderer's counts, where a 3D object is on screen, the emulated headset, guided commands.
 *
 * It exists only when the build was made with VITE_TEST_API=1 (scripts/test-all.ts, the bench)
 * AND the page URL has `?test-api=1`. A production build does not set the variable, so
 * `testApiEnabled()` answers false there; checking the URL as well keeps a test build's normal
 * pages free of it. The function does not remove code from a production build by itself (the
 * bundler does not fold another module's function): code worth removing tests the flag in its
 * own module, as XrStage.tsx does for the 3D bridge.
 */
export interface FrameStats {
  /** Draw calls and triangles of the last rendered frame (renderer.info.render). */
  readonly calls: number
  readonly triangles: number
  readonly frames: number
  /** Every texture in the scene graph, with its size in pixels and its bytes as uploaded (RGBA8). */
  readonly textures: readonly { name: string; width: number; height: number; bytes: number }[]
  /** 3D text blocks (xr/Label.tsx), and how many were drawn in the shipped font (not a fallback). */
  readonly texts: { readonly total: number; readonly rendered: number }
}

export interface TextView {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly glyphPx: number
  readonly dmm: number
}

export interface ControllerClick {
  readonly heldMs: number
  /** The named object (`button:…`, `panel:…`) the ray met first, or null for none. */
  readonly firstHit: string | null
}

export interface XrTestHooks {
  stats(): FrameStats
  /** Resolves once `n` more frames have been drawn, asking for each (the stage draws on demand). */
  waitFrames(n: number): Promise<void>
  /** Whether an object with this name is in the scene (panels are `panel:<id>`, buttons `button:<id>`). */
  exists(name: string): boolean
  /**
   * The 3D text blocks of a panel (`panel:<id>`), and those that reach past its backing plane (a
   * text running off the panel), or null when there is no such object.
   */
  panelTexts(name: string): { texts: string[]; overflowing: string[] } | null
  /** Centre of a named object in CSS pixels of the viewport, or null when out of the camera's view. */
  screenPoint(name: string): { x: number; y: number } | null
  /**
   * A 3D text block (xr/Label.tsx, by its name) as the viewer sees it: its box on the screen in
   * CSS pixels, its glyph's height on the screen in CSS pixels, and its glyph's angular size from
   * the eye in dmm (what comfort.ts sets a target for). Null when there is no such text. The
   * screen box means nothing for a text behind the camera (screenPoint of its object says).
   */
  textView(name: string): TextView | null
  /**
   * Points the emulated controller at a named object or a point in the world (from about where a
   * hand would hold it), or the tracked hand when the headset is in hand mode (switchInput).
   */
  aimController(target: string | readonly [number, number, number], hand: 'left' | 'right'): boolean
  /**
   * A trigger click of the emulated controller (a pinch of the hand in hand mode): pressed for
   * one frame, then released. Answers how long it was held and the first named object on the
   * aimed ray, so a test whose click went unhandled can say whether a slow frame or something in
   * the way lost it.
   */
  clickController(hand: 'left' | 'right'): Promise<ControllerClick>
  /** Where the member stands in the world (the XR origin: teleports move it), or null outside a scene. */
  originPosition(): [number, number, number] | null
  /** The visitor picks the controllers up ('controller') or puts them down ('hand': hand tracking). */
  switchInput(mode: 'controller' | 'hand'): Promise<void>
  /** Skinned meshes drawn in the scene: the tracked hands' models (nothing else in our scenes is skinned). */
  handModelsShown(): number
  inSession(): boolean
  /** The XR input sources the session tracks, as `type:handedness`. */
  inputs(): string[]
  exitVr(): Promise<void>
  /**
   * Hides every object whose name starts with `prefix` and resolves after two frames drawn
   * without them; answers how many. For comparing the stage's picture with the panorama alone.
   */
  hide(prefix: string): Promise<number>
}

export interface HongtuTestApi {
  xr?: XrTestHooks
  /** How many clicks each named 3D object has handled, so a test can tell a lost click from a slow one. */
  clicks?: Record<string, number>
  dispatch?: (command: SceneCommand) => void
}

declare global {
  interface Window {
    __hongtuTest?: HongtuTestApi
  }
}

/** Once asked for, on for the page's life: the app's own navigations drop the query. */
let askedForTestApi = false

export function testApiEnabled(): boolean {
  if (import.meta.env.VITE_TEST_API !== '1') return false
  askedForTestApi ||= new URLSearchParams(location.search).get('test-api') === '1'
  return askedForTestApi
}

/** Registers part of the test API; returns its removal. No-op unless enabled. */
export function registerTestApi<K extends keyof HongtuTestApi>(key: K, value: HongtuTestApi[K]): () => void {
  if (!testApiEnabled()) return () => {}
  window.__hongtuTest ??= {}
  window.__hongtuTest[key] = value
  return () => {
    if (window.__hongtuTest?.[key] === value) delete window.__hongtuTest[key]
  }
}

/** Counts a click a 3D object handled (test builds with the test API on; otherwise nothing). */
export function noteClick(name: string): void {
  if (!testApiEnabled()) return
  window.__hongtuTest ??= {}
  window.__hongtuTest.clicks ??= {}
  const clicks = window.__hongtuTest.clicks
  clicks[name] = (clicks[name] ?? 0) + 1
}
