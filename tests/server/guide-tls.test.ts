/**
 * Why: headsets and phones give WebXR, the service worker, geolocation and the camera only to a
 * secure context, and in a VR center without internet the laptop's own HTTPS is the only way to
 * one. With HONGTU_TLS=self-signed the server makes a local CA and a certificate for its names
 * and addresses, serves HTTPS and wss on its one port, offers the CA for devices to install, and
 * reuses both at the next start. A client that trusts only that CA must get through.
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { startServer } from '../../server/start.ts'
import { GuideConn } from './guide-driver.ts'
import { serverPerTest, TEST_SCRYPT, testContent } from './harness.ts'

interface HttpsReply {
  readonly status: number
  readonly body: string
  readonly cookies: Map<string, string>
}

function httpsCall(url: string, ca: string, method = 'GET', json?: unknown): Promise<HttpsReply> {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : JSON.stringify(json)
    const req = request(
      url,
      {
        method,
        ca,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        let text = ''
        res.on('data', (d) => {
          text += d
        })
        res.on('end', () => {
          const cookies = new Map<string, string>()
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';')
            const eq = pair?.indexOf('=') ?? -1
            if (pair && eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
          }
          resolve({ status: res.statusCode ?? 0, body: text, cookies })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('HTTPS with a self-signed certificate', () => {
  const start = serverPerTest('sqlite')

  it('serves HTTPS and wss on one port to a client that trusts only the local CA', async () => {
    const server = await start({ config: { tls: 'self-signed' } })
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const tlsDir = join(server.dataDir, 'tls')
    const ca = readFileSync(join(tlsDir, 'hongtu-ca.crt'), 'utf8')
    expect(new X509Certificate(ca).ca).toBe(true)
    // Private keys are readable by the server's user only.
    expect(statSync(join(tlsDir, 'hongtu-ca.key')).mode & 0o077).toBe(0)
    expect(statSync(join(tlsDir, 'server.key')).mode & 0o077).toBe(0)

    const health = await httpsCall(`${server.url}/api/health`, ca)
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body).ok).toBe(true)
    // The CA is offered for devices to install.
    const offered = await httpsCall(`${server.url}/hongtu-ca.crt`, ca)
    expect(offered.body.trim()).toBe(ca.trim())

    // A client without the CA is refused by TLS itself.
    await expect(httpsCall(`${server.url}/api/health`, '')).rejects.toThrow()

    const login = await httpsCall(`${server.url}/api/auth/login`, ca, 'POST', {
      username: 'trainer1',
      password: 'hongtu-trainer1-demo',
    })
    expect(login.status).toBe(200)
    const guide = await GuideConn.open(server.url, login.cookies, { ca })
    try {
      expect((await guide.subscribe(DEMO_CLASS_ID)).role).toBe('lead')
    } finally {
      guide.close()
    }
  })

  it('reuses its CA and certificate at the next start', async () => {
    const server = await start({ config: { tls: 'self-signed' } })
    const certPath = join(server.dataDir, 'tls', 'server.crt')
    const before = {
      ca: readFileSync(join(server.dataDir, 'tls', 'hongtu-ca.crt'), 'utf8'),
      cert: readFileSync(certPath, 'utf8'),
    }
    const second = await startServer({
      config: { ...server.services.config, port: 0 },
      content: testContent(),
      scrypt: TEST_SCRYPT,
      log: () => {},
      announce: () => {},
    })
    try {
      expect(readFileSync(join(server.dataDir, 'tls', 'hongtu-ca.crt'), 'utf8')).toBe(before.ca)
      expect(readFileSync(certPath, 'utf8')).toBe(before.cert)
      expect((await httpsCall(`${second.url}/api/health`, before.ca)).status).toBe(200)
    } finally {
      await second.close()
    }
  })

  it('refuses a half or contradictory TLS configuration at start-up, naming the variable', () => {
    expect(() => loadConfig({ HONGTU_TLS: 'yes' })).toThrow(/HONGTU_TLS: must be off or self-signed/)
    expect(() => loadConfig({ HONGTU_TLS_CERT: '/etc/hostname' })).toThrow(
      /HONGTU_TLS_KEY: must be set together/,
    )
    expect(() => loadConfig({ HONGTU_TLS_CERT: '/etc/hostname', HONGTU_TLS_KEY: '/nope/key.pem' })).toThrow(
      /HONGTU_TLS_KEY: \/nope\/key.pem does not exist/,
    )
    expect(() =>
      loadConfig({
        HONGTU_TLS: 'self-signed',
        HONGTU_TLS_CERT: '/etc/hostname',
        HONGTU_TLS_KEY: '/etc/hostname',
      }),
    ).toThrow(/cannot be combined/)
  })
})
