import { describe, expect, it } from 'vitest'
import { formatBytes, formatDateTime, formatTimeAgo } from './format.ts'

describe('formatTimeAgo', () => {
  const now = Date.parse('2026-11-22T08:00:00.000Z')
  const ago = (ms: number) => new Date(now - ms).toISOString()
  it('says "just now" under a minute, not "1 hour"', () => {
    expect(formatTimeAgo(ago(5_000), 'zh-CN', now)).toBe('刚刚')
    expect(formatTimeAgo(ago(5_000), 'en', now)).toBe('just now')
  })
  it('counts minutes, then hours, then days, never rounding up', () => {
    expect(formatTimeAgo(ago(59 * 60_000), 'zh-CN', now)).toBe('59 分钟前')
    expect(formatTimeAgo(ago(90 * 60_000), 'zh-CN', now)).toBe('1 小时前')
    expect(formatTimeAgo(ago(23.9 * 3_600_000), 'en', now)).toBe('23 h ago')
    expect(formatTimeAgo(ago(4.6 * 86_400_000), 'zh-CN', now)).toBe('4 天前')
    expect(formatTimeAgo(ago(86_400_000), 'en', now)).toBe('1 day ago')
  })
  it('treats a time in the future (a clock set wrong) as just now', () => {
    expect(formatTimeAgo(ago(-3_600_000), 'zh-CN', now)).toBe('刚刚')
  })
})

describe('formatBytes', () => {
  it('uses MB below 1,000 MB and GB above', () => {
    expect(formatBytes(5.3 * 1024 * 1024)).toBe('5.3 MB')
    expect(formatBytes(10245.3 * 1024 * 1024)).toBe('10.0 GB')
  })
})

describe('formatDateTime', () => {
  // 09:05 on this machine's clock, whatever its time zone.
  const morning = new Date(2026, 10, 22, 9, 5).toISOString()
  it('writes the hour as each language does: 09:05 in Chinese, 9:05 AM in English', () => {
    expect(formatDateTime(morning, 'zh-CN')).toBe('11月22日 09:05')
    expect(formatDateTime(morning, 'en')).toBe('November 22 at 9:05 AM')
  })
})
