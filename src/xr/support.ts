import { useEffect, useState } from 'react'
import { installEmulatorIfAsked } from './emulator.ts'

/**
 * Whether this browser can enter an immersive VR session: a headset browser yes, a desktop or
 * phone browser usually no. The "enter VR" control shows only when the answer is yes.
 */
export type XrSupport = 'checking' | 'immersive-vr' | 'none'

export async function checkXrSupport(): Promise<XrSupport> {
  await installEmulatorIfAsked()
  try {
    const xr = (navigator as Navigator & { xr?: XRSystem }).xr
    return xr && (await xr.isSessionSupported('immersive-vr')) ? 'immersive-vr' : 'none'
  } catch {
    return 'none'
  }
}

export function useXrSupport(): XrSupport {
  const [support, setSupport] = useState<XrSupport>('checking')
  useEffect(() => {
    let live = true
    void checkXrSupport().then((s) => live && setSupport(s))
    return () => {
      live = false
    }
  }, [])
  return support
}
