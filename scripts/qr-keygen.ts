/**
 * `npm run qr:keygen -- --kid <kid> [--note "…"]`: makes an ES256 key pair for site QR codes.
 * Writes the private key to data/keys/<kid>.private.jwk (mode 0600; data/ is never committed)
 * and the public key to routes-data/keys/<kid>.json (content: commit it, and every device
 * trusts codes signed with the key from its next content update). Never replaces a key.
 */
import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import { AdminError, createSiteKey, failAdmin } from './qr/key-files.ts'

const USAGE = 'usage: npm run qr:keygen -- --kid <kid> [--note "what the key is for"]'

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { kid: { type: 'string' }, note: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  if (!values.kid) throw new AdminError('--kid is required (a kebab-case id such as site-2025)', true)
  const root = process.cwd()
  const { privatePath, publicPath } = await createSiteKey({ root, kid: values.kid, note: values.note })
  console.log(`private key: ${relative(root, privatePath)} (mode 0600; back it up offline, never commit it)
public key:  ${relative(root, publicPath)} (commit it: devices trust the key from their next content update)
next: npm run qr:plaque -- --site <site-id> --kid ${values.kid} --out plaque.svg`)
}

main(process.argv.slice(2)).catch((e: unknown) => failAdmin('qr:keygen', USAGE, e))
