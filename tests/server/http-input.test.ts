/**
 * Why: the sync endpoint takes whatever a phone, a captive portal or an attacker sends, and a
 * client can only react well to errors it can tell apart. Every malformed, oversized or wrongly
 * typed body must get a 4xx with a stable code (never a 5xx, never the input echoed back), and
 * every response must carry the security headers the app relies on (fault row 26, P16, P20).
 * The OpenAPI document is checked against the schemas the server really enforces.
 */
import { describe, expect, it } from 'vitest'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('request input and headers on %s', (dbKind) => {
  const start = serverPerTest(dbKind)
  const member = async () => withMember1(await start())

  it('the same new username or member number sent five times at once makes one account; the rest are 400 at that field', async () => {
    const server = await start()
    const admin = new Device(server)
    await admin.loginAs('admin')
    for (const [field, body] of [
      ['username', (i: number) => ({ username: 'racer', memberNumber: `R-${i}` })],
      ['memberNumber', (i: number) => ({ username: `racer${i}`, memberNumber: 'R-SAME' })],
    ] as const) {
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          admin.request('POST', '/api/admin/users', {
            json: {
              ...body(i),
              displayName: '并发',
              role: 'member',
              branch: '测试支部',
              password: 'racer-password-1',
            },
          }),
        ),
      )
      expect(
        answers.filter((a) => a.status === 201),
        field,
      ).toHaveLength(1)
      for (const a of answers.filter((x) => x.status !== 201))
        expect(a.body.error, `${a.status} ${a.text}`).toMatchObject({ code: 'invalid', path: field })
    }
  })

  it('without a session, a body is never read: 401, not a validation error', async () => {
    const server = await start()
    const anonymous = new Device(server)
    for (const [path, raw] of [
      ['/api/admin/users', '{"username":"x"}'],
      ['/api/sync/push', '{bad'],
      ['/api/classes', '{"name":""}'],
    ] as const) {
      const r = await anonymous.request('POST', path, { raw })
      expect(r.status, `${path}: ${r.text}`).toBe(401)
      expect(r.body.error.code).toBe('unauthenticated')
    }
    // Logging in is the one endpoint without a session: its body is checked.
    expect((await anonymous.request('POST', '/api/auth/login', { raw: '{bad' })).status).toBe(400)
  })

  it('row 26: malformed JSON is 400 unparseable with the length and without echoing the body', async () => {
    const { device } = await member()
    const secret = '{"records":[{"id":"SECRET-CONTENT"'
    const r = await device.request('POST', '/api/sync/push', { raw: secret })
    expect(r.status).toBe(400)
    expect(r.body.error).toEqual({
      code: 'unparseable',
      message: `body is not valid JSON (${secret.length} bytes)`,
    })
    expect(r.text).not.toContain('SECRET')
  })

  it('row 26: an oversize push is 413 too_large, also when the length is not declared up front', async () => {
    const { device, memberId } = await member()
    const big = Array.from({ length: 60 }, () =>
      device.record(memberId, 'reflection', { text: '长'.repeat(1500) }),
    )
    const r = await device.push(big)
    expect(r.status).toBe(413)
    expect(r.body.error.code).toBe('too_large')
    const streamed = await fetch(`${device.server.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"records":["${'x'.repeat(300 * 1024)}"]}`))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('too_large')
  })

  it('row 26: wrong types and unknown fields are invalid with the field path, per record', async () => {
    const { device, memberId } = await member()
    const base = device.record(memberId, 'reflection', { text: '好' })
    const markup = '<img src=x onerror=alert(1)>'
    const r = await device.push([
      { ...base, seq: 'seven' },
      { ...device.record(memberId, 'reflection', { text: '好' }), extra: 1 },
      { ...device.record(memberId, 'checkin', { siteId: 'zaoyuan', method: 'teleport', verdict: 'inside' }) },
      'not an object',
      { ...device.record(memberId, 'reflection', { text: '好', [markup]: 1 }) },
    ])
    expect(r.status).toBe(200)
    expect(r.body.results.map((x: { error: { path: string } }) => [x.error.path])).toEqual([
      ['seq'],
      ['extra'],
      ['payload.method'],
      [''],
      ['payload'],
    ])
    for (const x of r.body.results) expect(x).toMatchObject({ result: 'invalid', error: { code: 'invalid' } })
    // An unknown key is named only when it is a plain field name; the answer never carries markup.
    expect(r.text).not.toContain('<img')
  })

  it('an unknown field in an API body is 400 invalid at that field, and a key that is not a name is not echoed', async () => {
    const server = await start()
    const admin = new Device(server)
    await admin.loginAs('admin')
    const user = {
      username: 'echo1',
      displayName: '回声',
      role: 'member',
      branch: '测试支部',
      password: 'echo-password-1',
    }
    const named = await admin.request('POST', '/api/admin/users', { json: { ...user, nickname: 'x' } })
    expect(named.status).toBe(400)
    expect(named.body.error).toEqual({
      code: 'invalid',
      path: 'nickname',
      message: 'is not a known field here',
    })
    const markup = await admin.request('POST', '/api/admin/users', {
      json: { ...user, '<script>x</script>': 1 },
    })
    expect(markup.status).toBe(400)
    expect(markup.body.error).toMatchObject({ code: 'invalid', path: '' })
    expect(markup.text).not.toContain('script')
  })

  it('row 26: a record without an id is invalid at path id', async () => {
    const { device, memberId } = await member()
    const { id: _id, ...noId } = device.record(memberId, 'reflection', { text: '无编号' })
    const r = await device.push([noId])
    expect(r.body.results[0]).toMatchObject({ id: null, result: 'invalid', error: { path: 'id' } })
  })

  it('a body that is not an object with records is 400 invalid at the top-level path', async () => {
    const { device } = await member()
    expect((await device.request('POST', '/api/sync/push', { json: [] })).body.error).toMatchObject({
      code: 'invalid',
    })
    const wrong = await device.request('POST', '/api/sync/push', { json: { records: 'all' } })
    expect(wrong.body.error).toMatchObject({ code: 'invalid', path: 'records' })
  })

  it('a body sent as a form is 415 unsupported_media_type', async () => {
    const { device } = await member()
    const r = await device.request('POST', '/api/sync/push', {
      raw: 'records=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(r.status).toBe(415)
    expect(r.body.error.code).toBe('unsupported_media_type')
  })

  it('a write from another site (Origin) is 403 cross_origin', async () => {
    const { device, memberId } = await member()
    const r = await device.request('POST', '/api/sync/push', {
      json: { records: [device.record(memberId, 'reflection', { text: 'x' })] },
      headers: { origin: 'https://evil.example' },
    })
    expect(r.status).toBe(403)
    expect(r.body.error.code).toBe('cross_origin')
  })

  it('behind a trusted proxy, a write from the public host (X-Forwarded-Host) is accepted', async () => {
    const { device, memberId } = await withMember1(await start({ config: { trustProxy: true } }))
    const r = await device.request('POST', '/api/sync/push', {
      json: { records: [device.record(memberId, 'reflection', { text: 'x' })] },
      headers: { origin: 'https://hongtu.example.org', 'x-forwarded-host': 'hongtu.example.org' },
    })
    expect(r.status).toBe(200)
  })

  it('an unknown endpoint is a JSON 404, not the app page', async () => {
    const { device } = await member()
    const r = await device.request('GET', '/api/nothing-here')
    expect(r.status).toBe(404)
    expect(r.body.error.code).toBe('not_found')
  })

  it('P20: every response carries CSP with frame-ancestors none, nosniff and a referrer policy; no HSTS on http', async () => {
    const { device } = await member()
    for (const path of ['/api/health', '/api/me', '/']) {
      const r = await device.request('GET', path)
      const csp = r.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      expect(r.headers.get('referrer-policy')).toBe('no-referrer')
      expect(r.headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('P20: HSTS for two years when served over HTTPS behind a trusted proxy', async () => {
    const server = await start({ config: { trustProxy: true } })
    const r = await new Device(server).request('GET', '/api/health', {
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(r.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
  })

  it('the OpenAPI document lists every endpoint with the limits the server enforces', async () => {
    const { device } = await member()
    const r = await device.request('GET', '/api/openapi.json')
    expect(r.status).toBe(200)
    expect(r.body.openapi).toBe('3.1.0')
    const push = r.body.paths['/api/sync/push'].post
    expect(push.requestBody.content['application/json'].schema.properties.records).toMatchObject({
      type: 'array',
      maxItems: 100,
    })
    expect(push.responses['413']).toBeDefined()
    expect(
      r.body.paths['/api/classes/{classId}/records'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(['classId', 'cursor', 'limit'])
    expect(r.body.components.schemas.Record.required).toContain('memberId')
  })
})
