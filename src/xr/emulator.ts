/**
 * The headset emulator (iwer) for dev and test builds only, and only when the page asks with
 * `?xr-emulator=quest3` (or `quest2`, `pico4`: the headsets a VR center has, each with its
 * controllers' input profile ids, which decide the controller layout and model we load). In a
 * production build `import.meta.env.VITE_TEST_API` is not '1' and DEV is false, so the import
 * below is dead code and the emulator is not even emitted. In a test build the device's code
 * (emulated-headset.ts) loads only when a page asks for it, so a test build's VR screens load
 * what a production build's do, which their JS budget measures. Even in a test build the
 * emulator's chunks stay out of the precache (vite.config.ts, tests/e2e/vr-build).
 */
export const EMULATOR_PARAM = 'xr-emulator'

type EmulatedDevice = import('iwer').XRDevice
let installing: Promise<EmulatedDevice | null> | null = null

export function emulatorAllowed(): boolean {
  return import.meta.env.DEV || import.meta.env.VITE_TEST_API === '1'
}

export const HEADSETS = ['quest3', 'quest2', 'pico4'] as const
export type Headset = (typeof HEADSETS)[number]

function askedHeadset(): Headset | null {
  const asked = new URLSearchParams(location.search).get(EMULATOR_PARAM)
  return HEADSETS.find((h) => h === asked) ?? null
}

export function installEmulatorIfAsked(): Promise<EmulatedDevice | null> {
  if (!emulatorAllowed()) return Promise.resolve(null)
  // Once installed, for the page's life: the app's own navigations drop the query.
  if (installing) return installing
  const headset = askedHeadset()
  if (headset === null) return Promise.resolve(null)
  installing = import('./emulated-headset.ts').then((m) => m.installEmulatedHeadset(headset))
  return installing
}
