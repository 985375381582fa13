/**
 * Why: a QR check-in is trusted only as far as its signature, so the server verifies every code
 * again with the content pack's public keys, at the moment it was scanned (a member may upload
 * days later), and flags what fails instead of dropping offline work (fault row 30, server part).
 * And location is sensitive personal information: the database keeps coordinates rounded to
 * about 100 m, and no coordinate, token or cookie reaches the logs (row 32). The codes here are
 * signed with the repository's test key (tests/fixtures/keys), which the test content trusts.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalJson, sha256Hex } from '../../server/sync/canonical.ts'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { signSiteToken, siteTokenClaims } from '../../src/domain/qr/sign.ts'
import { parseRecord } from '../../src/domain/records/record.ts'
import { type Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'

const testKey = JSON.parse(readFileSync('tests/fixtures/keys/e2e-test.private.jwk', 'utf8')) as PrivateSiteJwk
const HOUR = 3_600_000
const DAY = 24 * HOUR

async function siteToken(site: string, from: Date, validDays = 1) {
  const claims = siteTokenClaims({ kid: 'e2e-test', site, from, validDays })
  return signSiteToken(claims, await importSitePrivateKey(testKey))
}

describe.each(DATABASES)('QR re-verification and location privacy on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)

  async function start() {
    const { server, device, memberId } = await withMember1(await startServer())
    const qr = (token: string, siteId = 'zaoyuan') =>
      device.record(memberId, 'checkin', {
        siteId,
        method: 'qr',
        verdict: 'qr-valid',
        qr: { token, keyId: 'e2e-test' },
      })
    return { server, device, memberId, qr }
  }

  async function flagsOf(device: Device, record: unknown): Promise<string[]> {
    const r = await device.push([record])
    expect(r.status).toBe(200)
    expect(r.body.results[0].result).toBe('created')
    return r.body.results[0].flags
  }

  it('row 30: a QR check-in with a valid signature is not flagged; a tampered one is', async () => {
    const { server, device, qr } = await start()
    const token = await siteToken('zaoyuan', new Date(server.clock.now().getTime() - HOUR))
    expect(await flagsOf(device, qr(token))).toEqual([])
    const i = token.length - 30
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1)
    expect(await flagsOf(device, qr(tampered))).toEqual(['qr-bad-signature'])
  })

  it('row 30: a QR code of another site, or one expired when it was scanned, is flagged', async () => {
    const { server, device, qr } = await start()
    const now = server.clock.now().getTime()
    const other = await siteToken('baotashan', new Date(now - HOUR))
    const expired = await siteToken('zaoyuan', new Date(now - 3 * DAY), 1)
    expect(await flagsOf(device, qr(other))).toEqual(['qr-wrong-site'])
    expect(await flagsOf(device, qr(expired))).toEqual(['qr-expired'])
  })

  it('row 30: a code scanned offline while valid is judged at the scan time, not at upload', async () => {
    const { server, device, qr } = await start()
    const scannedAt = server.clock.now().getTime()
    const token = await siteToken('zaoyuan', new Date(scannedAt - HOUR), 1)
    const record = qr(token)
    server.clock.advance(4 * DAY) // uploaded four days later, after the code expired
    expect(await flagsOf(device, record)).toEqual([])
  })

  it('row 32: the database keeps coordinates at 3 decimals; logs hold no coordinates or tokens', async () => {
    const { server, device, memberId, qr } = await start()
    const record = device.checkin(memberId, 'zaoyuan')
    const token = await siteToken('zaoyuan', new Date(server.clock.now().getTime() - HOUR))
    await device.push([record, qr(token)])
    const rawFix = {
      ...record,
      id: device.record(memberId, 'reflection', {}).id,
      payload: {
        ...(record.payload as object),
        gps: { lat: 36.6234567, lng: 109.4312345, accuracyM: 10, distanceM: 5 },
      },
    }
    const refused = await device.push([rawFix])
    expect(refused.body.results[0]).toMatchObject({ result: 'invalid', error: { path: 'payload.gps.lat' } })

    const rows = await server.services.db
      .selectFrom('records')
      .select('payload')
      .where('kind', '=', 'checkin')
      .execute()
    for (const row of rows) {
      const gps = JSON.parse(row.payload).gps
      if (gps) for (const v of [gps.lat, gps.lng]) expect(Math.round(v * 1000) / 1000).toBe(v)
    }
    // The distance from the (public) site centre too: to the metre it placed the member on a thin ring.
    const exact = {
      ...record,
      id: device.record(memberId, 'reflection', {}).id,
      payload: {
        ...(record.payload as object),
        gps: { lat: 36.648, lng: 109.429, accuracyM: 12, distanceM: 87.654321 },
      },
    }
    expect((await device.push([exact])).body.results[0].result).toBe('created')
    const stored = await server.services.db
      .selectFrom('records')
      .select('payload')
      .where('id', '=', exact.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(stored.payload).gps.distanceM).toBe(100)
    // A device resends it, unacknowledged, after the server stored it to the metre (the hash of
    // before the rounding): the same record, a duplicate, not a conflict to park.
    const parsed = parseRecord(exact)
    if (!parsed.ok) throw new Error('the record should parse')
    await server.services.db
      .updateTable('records')
      .set({ payload_hash: sha256Hex(canonicalJson(parsed.record)) })
      .where('id', '=', exact.id)
      .execute()
    expect((await device.push([exact])).body.results[0].result).toBe('duplicate')
    const logText = server.logs.map((l) => l.line).join('\n')
    const gps = (record.payload as { gps: { lat: number; lng: number } }).gps
    expect(logText).not.toContain(String(gps.lat))
    expect(logText).not.toContain(String(gps.lng))
    expect(logText).not.toContain(token)
    expect(logText).not.toContain(token.split('.')[2]!)
    for (const cookie of device.cookies.values()) expect(logText).not.toContain(cookie)
    expect(server.logs.some((l) => l.event === 'sync.push')).toBe(true)
  })
})
