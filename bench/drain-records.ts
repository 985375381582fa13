/**
 * The records both drains send (ours and the PouchDB peer's): small reflections of ≈ 160 B of
 * JSON, as in notes/performance.md. Made in one place so that the two pipelines carry the same
 * count and the same shape. Ids are UUIDv7-shaped with the time part rising with `seq`, so the
 * device's outbox keeps them in creation order.
 */
export interface BenchRecord {
  readonly id: string
  readonly kind: 'reflection'
  readonly v: 1
  readonly memberId: string
  readonly deviceId: string
  readonly seq: number
  readonly occurredAt: string
  readonly clockOffsetMs: null
  readonly classId: null
  readonly contentVersion: string
  readonly payload: { readonly lessonId: string; readonly text: string }
}

export function benchRecord(
  seq: number,
  baseMs: number,
  memberId: string,
  contentVersion: string,
): BenchRecord {
  const ms = (baseMs + seq).toString(16).padStart(12, '0')
  const id = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7000-8000-${seq.toString(16).padStart(12, '0')}`
  return {
    id,
    kind: 'reflection',
    v: 1,
    memberId,
    deviceId: 'bench-device',
    seq,
    occurredAt: new Date(baseMs + seq).toISOString(),
    clockOffsetMs: null,
    classId: null,
    contentVersion,
    payload: { lessonId: 'zaoyuan-lesson', text: `第 ${seq} 条心得` },
  }
}

/** Records `from`…`to − 1` (1-based seq from + 1), in chunks that can cross into a page. */
export function benchRecords(
  from: number,
  to: number,
  baseMs: number,
  memberId: string,
  contentVersion: string,
): BenchRecord[] {
  const out: BenchRecord[] = []
  for (let i = from; i < to; i++) out.push(benchRecord(i + 1, baseMs, memberId, contentVersion))
  return out
}
