/**
 * A deliberately small Markdown subset for content bodies: headings (##, ###), paragraphs,
 * bullet and numbered lists, block quotes, and inline **bold** / *emphasis*. It returns a
 * tree, never HTML, so rendering cannot inject markup from content files.
 */

export type Inline = { readonly kind: 'text' | 'strong' | 'em'; readonly text: string }

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3 | 4; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'quote'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let last = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) })
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] })
    else out.push({ kind: 'em', text: m[2] ?? '' })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: Inline[][] } | undefined

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join('')) })
    paragraph = []
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items })
    list = undefined
  }

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim()
    if (line === '') {
      flush()
      continue
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line)
    if (heading) {
      flush()
      const level = Math.min(4, Math.max(2, (heading[1] ?? '').length)) as 2 | 3 | 4
      blocks.push({ kind: 'heading', level, inlines: parseInline(heading[2] ?? '') })
      continue
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(line)
    const numbered = /^\d+[.)、]\s*(.*)$/.exec(line)
    if (bullet || numbered) {
      const ordered = !bullet
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push(parseInline((bullet ?? numbered)?.[1] ?? ''))
      continue
    }
    const quote = /^>\s?(.*)$/.exec(line)
    if (quote) {
      flush()
      blocks.push({ kind: 'quote', inlines: parseInline(quote[1] ?? '') })
      continue
    }
    if (list) flush()
    // Chinese prose has no spaces between wrapped lines; Latin prose needs one.
    if (paragraph.length > 0 && /[A-Za-z0-9,.;:!?]$/.test(paragraph[paragraph.length - 1] ?? ''))
      paragraph.push(' ')
    paragraph.push(line)
  }
  flush()
  return blocks
}
