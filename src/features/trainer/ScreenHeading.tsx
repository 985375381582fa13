import { useStrings } from '../../i18n/i18n.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'

/** A trainer screen's h1: names the document and takes focus when it appears, as a page load would. */
export function ScreenHeading({ title }: { title: string }) {
  const t = useStrings()
  const heading = useScreenTitle(`${title} · ${t.appName}`)
  return (
    <h1 ref={heading} tabIndex={-1}>
      {title}
    </h1>
  )
}
