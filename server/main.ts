import { loadConfig } from './config.ts'
import { startServer } from './start.ts'

const server = await startServer({ config: loadConfig() })
console.log(`红途 Hongtu listening on ${server.url} (${server.services.dialect})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
