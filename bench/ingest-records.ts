import type { ContentPack } from '../src/domain/content/pack.ts'
import { uuidv7 } from '../src/domain/records/uuidv7.ts'

/** Record i of a device happened ORIGIN + i minutes: 50,000 records end 5 days ago. */
const ORIGIN_MS = Date.now() - 40 * 86_400_000

/**
 * Records for the server ingest benchmarks (sync-ingest.ts, server-ingest.ts): one device's,
 * one a minute: reflections, and every 20th a GPS check-in at the pack's first site
 * (coordinates rounded to 3 decimals, as the record schema requires), so each batch exercises
 * the geofence and impossible-travel checks too. `first` continues a device's sequence across
 * calls.
 */
export function ingestRecords(content: ContentPack, memberId: string, count: number, first = 0) {
  const site = content.sites[0]
  if (!site) throw new Error('the content has no sites')
  return Array.from({ length: count }, (_, k) => {
    const i = first + k
    const occurredAt = new Date(ORIGIN_MS + i * 60_000).toISOString()
    const base = {
      id: uuidv7(Date.parse(occurredAt)),
      v: 1,
      memberId,
      deviceId: `bench-${memberId}`,
      seq: i + 1,
      occurredAt,
      clockOffsetMs: 0,
      classId: null,
      contentVersion: content.version,
    }
    return i % 20 !== 0
      ? { ...base, kind: 'reflection', payload: { text: `第${i}条：实事求是，为人民服务。` } }
      : {
          ...base,
          kind: 'checkin',
          payload: {
            siteId: site.id,
            method: 'gps',
            verdict: 'inside',
            gps: {
              lat: Math.round(site.location.lat * 1000) / 1000,
              lng: Math.round(site.location.lng * 1000) / 1000,
              accuracyM: 15,
              distanceM: 0, // 20 m, as the app sends it: to 50 m
            },
          },
        }
  })
}
