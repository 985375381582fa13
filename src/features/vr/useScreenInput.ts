import { useEffect, useState, useSyncExternalStore } from 'react'
import { keyAction } from '../../xr/look.ts'

/**
 * How a member without a headset moves about the scene, for the hint under the stage: on a phone
 * or tablet (primary pointer coarse) by touch, which can only drag and tap (ScreenControls.tsx);
 * on a computer by mouse and keys. A walk or turn key pressed here (a tablet with a keyboard)
 * counts as a keyboard whatever the pointer.
 */
export type ScreenInput = 'touch' | 'keyboard'

const COARSE_POINTER = '(pointer: coarse)'

// A mouse plugged into a tablet, or DevTools' device mode, changes the answer while the page is open.
function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {}
  const query = matchMedia(COARSE_POINTER)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

const coarsePointer = () => typeof matchMedia === 'function' && matchMedia(COARSE_POINTER).matches

export function useScreenInput(): ScreenInput {
  const coarse = useSyncExternalStore(subscribe, coarsePointer, () => false)
  const [keySeen, setKeySeen] = useState(false)
  useEffect(() => {
    if (!coarse || keySeen) return
    const key = (e: KeyboardEvent) => {
      if (keyAction(e.key, 0)) setKeySeen(true)
    }
    window.addEventListener('keydown', key)
    return () => window.removeEventListener('keydown', key)
  }, [coarse, keySeen])
  return coarse && !keySeen ? 'touch' : 'keyboard'
}
