import { describe, expect, it } from 'vitest'
import { formatList } from './list-format.tsx'

describe('formatList', () => {
  it('joins with 、 in Chinese, with no 和 before the last', () => {
    expect(formatList(['会宁会师', '延安窑洞', '重温入党誓词'], 'zh-CN')).toBe(
      '会宁会师、延安窑洞、重温入党誓词',
    )
  })

  it('joins with a comma and a space in English', () => {
    expect(formatList(['Huining', 'Yan’an cave dwelling'], 'en')).toBe('Huining, Yan’an cave dwelling')
  })

  it('leaves one item alone', () => {
    expect(formatList(['张老师'], 'zh-CN')).toBe('张老师')
  })
})
