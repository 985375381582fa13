import { useEffect } from 'react'
import { NAVIGATE_EVENT } from './navigate-event.ts'

/**
 * What a browser does for `page#id` on a page it renders itself, for a screen of this app: the
 * element the address's fragment names is scrolled to the top of the window and takes focus
 * (it needs `tabIndex={-1}`), when the screen opens and on each tap of such a link while it is
 * shown (the path stays the same, so the screen is not rendered again). Call it after
 * useScreenTitle: effects run in order, and the fragment's focus must win over the heading's.
 */
export function useFragmentTarget(): void {
  useEffect(() => {
    const go = () => {
      const target = location.hash ? document.getElementById(idOf(location.hash)) : null
      if (!target) return
      target.scrollIntoView({ block: 'start' })
      target.focus({ preventScroll: true })
    }
    go()
    window.addEventListener(NAVIGATE_EVENT, go)
    return () => window.removeEventListener(NAVIGATE_EVENT, go)
  }, [])
}

/** The id a fragment names; a malformed escape (typed by hand) names nothing. */
function idOf(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1))
  } catch {
    return ''
  }
}
