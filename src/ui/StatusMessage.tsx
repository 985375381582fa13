import type { ReactNode, Ref } from 'react'

/** A full-width message for loading, empty and error states; errors say what to do next. */
export function StatusMessage({
  title,
  children,
  tone = 'info',
  level = 2,
  headingRef,
}: {
  title: string
  children?: ReactNode
  tone?: 'info' | 'error'
  /** 1 when the message is the whole screen (not found), so the screen still has its h1. */
  level?: 1 | 2
  /** The screen's heading, when this message is the screen: focused after a navigation (useScreenTitle). */
  headingRef?: Ref<HTMLHeadingElement>
}) {
  const H = level === 1 ? 'h1' : 'h2'
  return (
    <section className={`status status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <H ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </H>
      {children}
    </section>
  )
}
