import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'
import type { ServerConfig } from './config.ts'

/**
 * HTTPS for a VR center on a local network. Headsets and phones give WebXR, service workers,
 * geolocation and the camera only to a secure context, and a LAN address over plain HTTP is
 * not one (and our `__Host-` Secure cookies are refused there).
 *
 * `HONGTU_TLS=self-signed` makes, once, a small certificate authority of this installation
 * (`dataDir/tls/hongtu-ca.crt`, ten years) and a server certificate it signs for this machine's
 * host name, `localhost` and its current LAN addresses. Devices trust the CA once (README: "VR
 * center on a local network"); when the laptop gets another address, the server certificate is
 * made again at the next start, signed by the same CA, and nothing changes on the devices. The
 * private keys stay in `dataDir/tls`, readable by the server's user only. Made with node-forge
 * (pure JavaScript), so no openssl command is needed on the machine.
 */
export interface TlsMaterial {
  readonly key: string
  readonly cert: string
  /** The CA certificate devices install (self-signed mode only). */
  readonly caCert?: string
  /** Where it came from, for the start-up log. */
  readonly source: string
}

/** Server certificates stay within the 398 days browsers accept for any TLS certificate. */
const SERVER_DAYS = 396
const CA_YEARS = 10
/** A server certificate is made again this long before it expires. */
const RENEW_BEFORE_DAYS = 30

export function loadTls(config: ServerConfig, now = new Date()): TlsMaterial | undefined {
  if (config.tlsCert && config.tlsKey)
    return {
      cert: readFileSync(config.tlsCert, 'utf8'),
      key: readFileSync(config.tlsKey, 'utf8'),
      source: `files ${config.tlsCert}`,
    }
  if (config.tls !== 'self-signed') return undefined
  return selfSigned(join(config.dataDir, 'tls'), machineNames(), now)
}

/** This machine's names: its host name (also as .local for mDNS), localhost, and its IPv4/IPv6 addresses. */
export function machineNames(): { dns: string[]; ips: string[] } {
  const host = hostname().toLowerCase()
  const dns = [...new Set(['localhost', host, host.includes('.') ? '' : `${host}.local`].filter(Boolean))]
  const ips = ['127.0.0.1', '::1']
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (!a.internal && !a.address.startsWith('fe80')) ips.push(a.address)
  return { dns, ips: [...new Set(ips)] }
}

const files = (dir: string) => ({
  caKey: join(dir, 'hongtu-ca.key'),
  caCert: join(dir, 'hongtu-ca.crt'),
  key: join(dir, 'server.key'),
  cert: join(dir, 'server.crt'),
})

export function selfSigned(dir: string, names: { dns: string[]; ips: string[] }, now: Date): TlsMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const f = files(dir)
  if (!existsSync(f.caKey) || !existsSync(f.caCert)) {
    const ca = makeCa(now)
    writePrivate(f.caKey, ca.key)
    writeFileSync(f.caCert, ca.cert)
  }
  const caCert = readFileSync(f.caCert, 'utf8')
  if (
    !existsSync(f.key) ||
    !existsSync(f.cert) ||
    !serverCertFits(readFileSync(f.cert, 'utf8'), names, now)
  ) {
    const server = makeServerCert(readFileSync(f.caKey, 'utf8'), caCert, names, now)
    writePrivate(f.key, server.key)
    writeFileSync(f.cert, server.cert)
  }
  return {
    key: readFileSync(f.key, 'utf8'),
    // The chain: the server certificate, then the CA that signed it.
    cert: `${readFileSync(f.cert, 'utf8').trim()}\n${caCert.trim()}\n`,
    caCert,
    source: `self-signed ${f.caCert}`,
  }
}

function writePrivate(path: string, pem: string) {
  writeFileSync(path, pem, { mode: 0o600 })
  chmodSync(path, 0o600)
}

/** Whether a stored server certificate still covers every current name and is not about to expire. */
function serverCertFits(pem: string, names: { dns: string[]; ips: string[] }, now: Date): boolean {
  try {
    const x = new X509Certificate(pem)
    const renewBy = now.getTime() + RENEW_BEFORE_DAYS * 86_400_000
    if (Date.parse(x.validTo) < renewBy) return false
    const san = x.subjectAltName ?? ''
    return (
      names.dns.every((d) => san.includes(`DNS:${d}`)) && names.ips.every((ip) => x.checkIP(ip) !== undefined)
    )
  } catch {
    return false
  }
}

function serial(): string {
  // Positive, 16 random bytes (RFC 5280 §4.1.2.2 asks for at most 20 octets, unique per CA).
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`
}

function makeCa(now: Date): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial()
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000)
  cert.validity.notAfter = new Date(now.getTime() + CA_YEARS * 365 * 86_400_000)
  const subject = [
    { name: 'commonName', value: `Hongtu local CA (${hostname()})` },
    { name: 'organizationName', value: 'Hongtu VR center' },
  ]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) }
}

function makeServerCert(
  caKeyPem: string,
  caCertPem: string,
  names: { dns: string[]; ips: string[] },
  now: Date,
): { key: string; cert: string } {
  const caKey = forge.pki.privateKeyFromPem(caKeyPem)
  const ca = forge.pki.certificateFromPem(caCertPem)
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial()
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000)
  cert.validity.notAfter = new Date(now.getTime() + SERVER_DAYS * 86_400_000)
  cert.setSubject([{ name: 'commonName', value: names.dns[1] ?? names.dns[0] ?? 'localhost' }])
  cert.setIssuer(ca.subject.attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...names.dns.map((value) => ({ type: 2, value })),
        ...names.ips.map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(caKey, forge.md.sha256.create())
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) }
}
