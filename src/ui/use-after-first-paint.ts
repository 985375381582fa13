import { useEffect, useState } from 'react'

/**
 * False on a screen's first render, true once that render has been painted. Heavy lazy parts
 * (the map: 460 KB of code and a WebGL start) mount only then, so their download and start-up
 * never stand between the member and the screen's text: on a slow phone the text shows first,
 * and the network's first bytes go to it. A frame, then a task: the task runs after the frame
 * that painted (requestAnimationFrame callbacks run before the paint).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [])
  return painted
}
