import { loadConfig } from './config.ts'
import { startServer } from './start.ts'
import { machineNames } from './tls.ts'

const server = await startServer({ config: loadConfig() })
console.log(`红途 Hongtu listening on ${server.url} (${server.services.dialect})`)
// With HTTPS on a LAN (a VR center), devices need the laptop's address, not localhost.
if (server.url.startsWith('https:') && server.services.config.host === '0.0.0.0')
  for (const ip of machineNames().ips.filter((a) => a.includes('.') && a !== '127.0.0.1'))
    console.log(`  on the local network: https://${ip}:${new URL(server.url).port}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
