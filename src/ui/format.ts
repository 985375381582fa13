import type { Lang } from '../platform/preferences.ts'

/** Dates and ages in the member's language (the browser's default locale may differ). */
export function formatDate(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' })
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang, {
    month: 'long',
    day: 'numeric',
    // 24-hour Chinese reads "09:05"; English "9:05 AM" (2-digit gave "09:05 AM", unlike the rest).
    hour: lang === 'en' ? 'numeric' : '2-digit',
    minute: '2-digit',
  })
}

/**
 * How long ago, roughly: "刚刚" under a minute, then minutes, hours under a day, days above. A
 * record made a moment ago must not read "1 小时前" on the screen meant to reassure about it.
 */
export function formatTimeAgo(fromIso: string, lang: Lang, now = Date.now()): string {
  const minutes = Math.max(0, (now - Date.parse(fromIso)) / 60_000)
  if (minutes < 1) return lang === 'en' ? 'just now' : '刚刚'
  if (minutes < 60) {
    const m = Math.floor(minutes)
    return lang === 'en' ? `${m} min ago` : `${m} 分钟前`
  }
  const hours = minutes / 60
  if (hours < 24) {
    const h = Math.floor(hours)
    return lang === 'en' ? `${h} h ago` : `${h} 小时前`
  }
  const d = Math.floor(hours / 24)
  return lang === 'en' ? `${d} day${d === 1 ? '' : 's'} ago` : `${d} 天前`
}

/** Bytes as MB, or GB from 1,000 MB on ("可用上限 10.0 GB", not "10245.3 MB"). */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024
  return mb < 1000 ? `${mb.toFixed(1)} MB` : `${(mb / 1024).toFixed(1)} GB`
}

/** A time of day to the second (15:04:09), for "changed at" lines a trainer compares. */
export function formatClockTime(at: number | string, lang: Lang): string {
  return new Date(at).toLocaleTimeString(lang, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  })
}
