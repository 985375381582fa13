import { randomInt } from 'node:crypto'

/**
 * A new class's id: readable in a URL and a file name, kebab-case ASCII like content ids, e.g.
 * `yanan-two-day-2026-06-01-k3f9qa` or `vr-2026-06-01-x7k2mb` for a VR-only class. The random
 * tail (36^6 ≈ 2.2e9) makes a clash between two classes of one route and day unlikely; the
 * caller still retries on one, since the id is the primary key. Records carry the id (≤ 80).
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function newClassId(routeId: string | null, startsOn: string): string {
  const prefix = (routeId ?? 'vr').slice(0, 40).replace(/-+$/, '')
  let tail = ''
  for (let i = 0; i < 6; i++) tail += ALPHABET[randomInt(ALPHABET.length)]
  return `${prefix}-${startsOn}-${tail}`
}
