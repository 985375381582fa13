import { metaQuest2, metaQuest3, metaQuestTouchPlus, XRDevice } from 'iwer'
import type { Headset } from './emulator.ts'

/**
 * An emulated headset (dev and test builds, emulator.ts), installed in place of the browser's
 * own WebXR. Chromium has a native `navigator.xr` without hardware, so iwer must be installed
 * with `forceInstall` (notes/stack.md).
 */
export function installEmulatedHeadset(headset: Headset): XRDevice {
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
}
