/**
 * The headset emulator (iwer, Meta Quest 3) for dev and test builds only, and only when the page
 * asks with `?xr-emulator=quest3`. In a production build `import.meta.env.VITE_TEST_API` is not
 * '1' and DEV is false, so the import below is dead code and the emulator is not even emitted.
 * Even in a test build its chunk stays out of the precache (vite.config.ts, tests/e2e/vr-build).
 *
 * Chromium has a native `navigator.xr` without hardware, so iwer must be installed with
 * `forceInstall` (notes/stack.md).
 */
export const EMULATOR_PARAM = 'xr-emulator'

type EmulatedDevice = import('iwer').XRDevice
let installing: Promise<EmulatedDevice | null> | null = null

export function emulatorAllowed(): boolean {
  return import.meta.env.DEV || import.meta.env.VITE_TEST_API === '1'
}

export function installEmulatorIfAsked(): Promise<EmulatedDevice | null> {
  if (!emulatorAllowed()) return Promise.resolve(null)
  if (new URLSearchParams(location.search).get(EMULATOR_PARAM) !== 'quest3') return Promise.resolve(null)
  installing ??= import('iwer').then(({ XRDevice, metaQuest3 }) => {
    const device = new XRDevice(metaQuest3)
    device.installRuntime({ forceInstall: true })
    return device
  })
  return installing
}
