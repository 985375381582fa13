import { useEffect, useRef } from 'react'

/**
 * Sets the document title and moves keyboard and screen-reader focus to the screen's
 * heading after a navigation, as a page load would.
 */
export function useScreenTitle(title: string) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = title
  }, [title])
  useEffect(() => {
    heading.current?.focus({ preventScroll: true })
  }, [])
  return heading
}
