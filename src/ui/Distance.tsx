import { roundDistance } from '../domain/content/route-metrics.ts'
import type { Strings } from '../i18n/strings.ts'

export function formatDistance(m: number, t: Strings): string {
  const { value, unit } = roundDistance(m)
  return `${value.toLocaleString()} ${unit === 'm' ? t.unitM : t.unitKm}`
}
