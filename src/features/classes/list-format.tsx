import { Fragment, type ReactNode } from 'react'
import type { Lang } from '../../platform/preferences.ts'

/**
 * Lists in the reader's language: 「甲、乙、丙」 in Chinese, "A, B, C" in English. Intl.ListFormat
 * (Node ≥ 12, Chromium ≥ 72) with the narrow conjunction style, which has no 和 / "and" before the
 * last item: these are lists of titles and names, not sentences.
 */
const formats = new Map<Lang, Intl.ListFormat>()
const formatOf = (lang: Lang) => {
  let f = formats.get(lang)
  if (!f) {
    f = new Intl.ListFormat(lang, { type: 'conjunction', style: 'narrow' })
    formats.set(lang, f)
  }
  return f
}

export function formatList(items: readonly string[], lang: Lang): string {
  return formatOf(lang).format(items)
}

/** The same list of React nodes (e.g. `<Localized>` titles), separated as `formatList` would. */
export function ListOf({ items, lang }: { items: readonly { key: string; node: ReactNode }[]; lang: Lang }) {
  const parts = formatOf(lang).formatToParts(items.map((_, i) => String(i)))
  return (
    <>
      {parts.map((p, i) =>
        p.type === 'element' ? (
          <Fragment key={items[Number(p.value)]?.key}>{items[Number(p.value)]?.node}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: separators have no identity beyond their place
          <Fragment key={`sep-${i}`}>{p.value}</Fragment>
        ),
      )}
    </>
  )
}
