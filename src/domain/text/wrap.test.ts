import { describe, expect, it } from 'vitest'
import { breakOpportunities, wrapText } from './wrap.ts'

/** Every character one unit wide: easy to reason about line lengths. */
const monospace = (s: string) => [...s].length

describe('wrapText', () => {
  it('breaks Chinese between characters to fill each line', () => {
    expect(wrapText('自己动手丰衣足食', 3, monospace)).toEqual(['自己动', '手丰衣', '足食'])
  })

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    // "，" would start line 2: it moves to line 1 with the character before it.
    const lines = wrapText('延安精神，永放光芒', 4, monospace)
    expect(lines.every((l) => !'，。'.includes(l[0] ?? ''))).toBe(true)
    expect(lines.join('')).toBe('延安精神，永放光芒')
    const quoted = wrapText('毛泽东《论持久战》', 3, monospace)
    expect(quoted.every((l) => !l.endsWith('《'))).toBe(true)
    expect(quoted.join('')).toBe('毛泽东《论持久战》')
  })

  it('never ends a line on an opening quote nor starts one with a closing quote, straight or curly', () => {
    for (const text of [
      'After the last line, tap "Oath completed", and it is recorded.',
      'With no trainer leading, select “Next line” yourself.',
      '"Oath completed" records it',
    ]) {
      // From the width of the longest quoted word: a narrower line must cut words anywhere.
      for (let w = 13; w < 40; w++) {
        const lines = wrapText(text, w, monospace)
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
        for (const line of lines) {
          // An opening quote is one at the line's start or after a space; a closing one, any other.
          expect(/(^|\s)["“]$/.test(line), `“${line}” ends on an opening quote at width ${w}`).toBe(false)
          expect(
            /^["”][^\p{L}]|^["”]$/u.test(line),
            `“${line}” starts with a closing quote at width ${w}`,
          ).toBe(false)
        }
      }
    }
    expect(wrapText('then tap "Oath completed"', 12, monospace)).toEqual(['then tap', '"Oath', 'completed"'])
  })

  it('breaks Latin between words, keeps explicit line breaks, and trims line ends', () => {
    expect(wrapText('The Long March ended', 10, monospace)).toEqual(['The Long', 'March', 'ended'])
    expect(wrapText('第一行\n第二行', undefined, monospace)).toEqual(['第一行', '第二行'])
    expect(wrapText('a b', 10, monospace)).toEqual(['a b'])
  })

  it('cuts a word longer than the line rather than overflowing it', () => {
    expect(wrapText('abcdefgh ij', 3, monospace)).toEqual(['abc', 'def', 'gh', 'ij'])
  })

  it('loses no character, whatever the width', () => {
    const text = '1936年10月，红一、二、四方面军在会宁胜利会师（三军会师），标志着长征胜利结束。'
    for (let w = 1; w < 30; w++) {
      const lines = wrapText(text, w, monospace)
      expect(lines.join('')).toBe(text)
      // Glued punctuation may overflow by its own width only.
      expect(lines.every((l) => monospace(l) <= w + 2)).toBe(true)
    }
  })
})

describe('breakOpportunities', () => {
  it('keeps a Latin word with its digits and spaces, and each Chinese character alone', () => {
    expect(breakOpportunities('VR 课堂1936年')).toEqual(['VR ', '课', '堂', '1936', '年'])
  })
})
