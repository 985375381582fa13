/**
 * The headset emulator (iwer) for dev and test builds only, and only when the page asks with
 * `?xr-emulator=quest3` (or `quest2`, `pico4`: the headsets a VR center has, each with its
 * controllers' input profile ids, which decide the controller layout and model we load). In a production build `import.meta.env.VITE_TEST_API` is not
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

const HEADSETS = ['quest3', 'quest2', 'pico4'] as const
type Headset = (typeof HEADSETS)[number]

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
  installing = import('iwer').then(({ XRDevice, metaQuest2, metaQuest3, metaQuestTouchPlus }) => {
    const config = {
      quest3: metaQuest3,
      quest2: metaQuest2,
      // iwer has no PICO: a Quest 3 whose controllers say what a PICO 4's say (WebXR input
      // profiles registry), which is what decides the layout and model the app loads.
      pico4: {
        ...metaQuest3,
        name: 'PICO 4',
        controllerConfig: {
          ...metaQuestTouchPlus,
          profileId: 'pico-4',
          fallbackProfileIds: ['generic-trigger-squeeze-thumbstick'],
        },
      },
    }[headset]
    const device = new XRDevice(config)
    device.installRuntime({ forceInstall: true })
    return device
  })
  return installing
}
