import type { Lang } from '../platform/preferences.ts'

/** Dates and ages in the member's language (the browser's default locale may differ). */
export function formatDate(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' })
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang, {
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** A rough age: hours under a day, days above. */
export function formatAge(fromIso: string, lang: Lang, now = Date.now()): string {
  const hours = (now - Date.parse(fromIso)) / 3_600_000
  if (hours < 24) {
    const h = Math.max(1, Math.round(hours))
    return lang === 'en' ? `${h} h` : `${h} 小时`
  }
  const d = Math.round(hours / 24)
  return lang === 'en' ? `${d} day${d === 1 ? '' : 's'}` : `${d} 天`
}
