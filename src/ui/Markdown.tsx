import { Fragment } from 'react'
import { type Block, type Inline, parseMarkdown } from '../domain/text/markdown.ts'

function Inlines({ inlines }: { inlines: readonly Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) =>
        inline.kind === 'strong' ? (
          <strong key={i}>{inline.text}</strong>
        ) : inline.kind === 'em' ? (
          <em key={i}>{inline.text}</em>
        ) : (
          <Fragment key={i}>{inline.text}</Fragment>
        ),
      )}
    </>
  )
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const H = block.level === 2 ? 'h3' : 'h4'
      return (
        <H>
          <Inlines inlines={block.inlines} />
        </H>
      )
    }
    case 'paragraph':
      return (
        <p>
          <Inlines inlines={block.inlines} />
        </p>
      )
    case 'quote':
      return (
        <blockquote>
          <Inlines inlines={block.inlines} />
        </blockquote>
      )
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul'
      return (
        <L>
          {block.items.map((item, j) => (
            <li key={j}>
              <Inlines inlines={item} />
            </li>
          ))}
        </L>
      )
    }
  }
}

/** Renders content Markdown as React elements (never as HTML). Markdown headings (##) render as h3, under the screen's h1 and section h2. */
export function Markdown({
  source,
  lang,
  dropHeading,
}: {
  source: string
  lang?: string
  dropHeading?: string
}) {
  const parsed = parseMarkdown(source)
  // Content often opens with the same heading the screen already shows ("## 历史沿革").
  const first = parsed[0]
  const repeats = first?.kind === 'heading' && first.inlines.map((i) => i.text).join('') === dropHeading
  const blocks = repeats ? parsed.slice(1) : parsed
  return (
    <div className="prose" lang={lang}>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  )
}
