import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown } from './markdown.ts'

describe('parseMarkdown', () => {
  it('splits headings, paragraphs, lists and quotes', () => {
    const blocks = parseMarkdown('## 历史沿革\n第一行\n第二行\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n> 引文')
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote'])
    expect(blocks[1]).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: '第一行第二行' }] })
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: '甲' }], [{ text: '乙' }]] })
    expect(blocks[3]).toMatchObject({ ordered: true })
  })

  it('joins wrapped English lines with a space', () => {
    expect(parseMarkdown('one\ntwo')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'one two' }] },
    ])
  })

  it('keeps markup as text, never as HTML', () => {
    expect(parseInline('<b>x</b>')).toEqual([{ kind: 'text', text: '<b>x</b>' }])
  })

  it('parses bold and emphasis', () => {
    expect(parseInline('在**杨家岭**召开*七大*。')).toEqual([
      { kind: 'text', text: '在' },
      { kind: 'strong', text: '杨家岭' },
      { kind: 'text', text: '召开' },
      { kind: 'em', text: '七大' },
      { kind: 'text', text: '。' },
    ])
  })
})
