import { useEffect, useState } from 'react'

/**
 * False on a screen's first render, true once that render has been painted. Heavy lazy parts
 * (the map: 460 KB of code and a WebGL start) mount only then, so their download and start-up
 * never stand between the member and the screen's text: on a slow phone the text shows first,
 * and the network's first bytes go to it. Two frames: callbacks of the first run before its
 * paint, those of the second after the first has been put on screen.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setPainted(true))
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  return painted
}
