/**
 * Why: a push now looks for U+0000 in the canonical JSON it writes for each record's hash
 * (server/sync/prepare.ts) instead of serialising every record a second time. JSON writes U+0000
 * as the six characters \u0000, but a member may also type a backslash followed by "u0000": that
 * text must be stored as written, while a real NUL (which PostgreSQL cannot store) is still an
 * input error naming its field.
 */
import { describe, expect, it } from 'vitest'
import { withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('text that looks like a NUL on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('stores a backslash and "u0000" as typed, and refuses a real NUL with its path', async () => {
    const { device, memberId } = await withMember1(await start())
    const typed = device.record(memberId, 'reflection', { text: '转义写法 \\u0000 不是空字符' })
    const nul = device.record(memberId, 'reflection', { text: '真的\u0000空字符' })
    const r = await device.push([typed, nul])
    expect(r.status).toBe(200)
    expect(r.body.results[0]).toMatchObject({ result: 'created' })
    expect(r.body.results[1]).toMatchObject({
      result: 'invalid',
      error: { code: 'invalid', path: 'payload.text' },
    })
    const pulled = await device.pull()
    expect(pulled.body.records.map((p: { record: { payload: unknown } }) => p.record.payload)).toEqual([
      { text: '转义写法 \\u0000 不是空字符' },
    ])
  })
})
