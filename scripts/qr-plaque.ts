/**
 * `npm run qr:plaque -- --site <site-id> --kid <kid> [--days 365] [--base-url URL] --out plaque.svg|plaque.png`
 *
 * Prints a site's check-in plaque: a QR code of `<base-url>/q/<token>` (a phone's camera opens
 * the app at that site's check-in; the in-app scanner accepts it whatever the host), the site's
 * Chinese name, 扫码打卡 and the validity dates. The token is signed with
 * data/keys/<kid>.private.jwk (or --key-file) and checked against routes-data/keys/ first.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeIssues, loadContent } from '../build/content-loader.ts'
import { AdminError, checkKid, failAdmin, privateKeyPath, readPrivateKey } from './qr/key-files.ts'
import { checkBaseUrl, makePlaque, plaqueDate } from './qr/plaque.ts'
import { similarIds } from './qr/similar.ts'

const USAGE =
  'usage: npm run qr:plaque -- --site <site-id> --kid <kid> [--days 365] [--base-url http://localhost:8080] [--key-file <path>] --out plaque.svg|plaque.png'

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      kid: { type: 'string' },
      days: { type: 'string', default: '365' },
      'base-url': { type: 'string', default: 'http://localhost:8080' },
      'key-file': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })
  const missing = (['site', 'kid', 'out'] as const).filter((k) => !values[k])
  if (missing.length > 0) throw new AdminError(`missing ${missing.map((k) => `--${k}`).join(', ')}`, true)
  const { site: siteId = '', kid = '', out = '' } = values
  checkKid(kid)
  const format = /\.svg$/i.test(out) ? 'svg' : /\.png$/i.test(out) ? 'png' : undefined
  if (!format) throw new AdminError(`--out ${out} must end in .svg or .png`, true)
  if (!/^\d+$/.test(values.days))
    throw new AdminError(`--days ${values.days} is not a whole number of days`, true)
  const baseUrl = checkBaseUrl(values['base-url'])

  const root = process.cwd()
  const content = loadContent(root)
  if (!content.pack) throw new AdminError(`the content does not build:\n${describeIssues(content.issues)}`)
  const site = content.pack.sites.find((s) => s.id === siteId)
  if (!site) {
    const ids = content.pack.sites.map((s) => s.id)
    const near = similarIds(siteId, ids)
    throw new AdminError(
      `no site ${JSON.stringify(siteId)} in routes-data/sites/. ${near.length ? `Did you mean: ${near.join(', ')}?` : `Sites: ${ids.join(', ')}`}`,
    )
  }
  const keyFile = values['key-file'] ? resolve(values['key-file']) : privateKeyPath(root, kid)
  const plaque = await makePlaque({
    site,
    kid,
    privateJwk: readPrivateKey(keyFile, root),
    keyring: content.pack.keys,
    now: new Date(),
    days: Number(values.days),
    baseUrl,
    format,
  })
  mkdirSync(dirname(resolve(out)), { recursive: true })
  writeFileSync(out, plaque.bytes)
  console.log(
    `${out}: ${site.name.zh} (${site.id}), valid ${plaqueDate(plaque.claims.nbf)} – ${plaqueDate(plaque.claims.exp)}, key ${kid}`,
  )
  if (/^(localhost|127\.|\[::1\])/.test(new URL(baseUrl).host))
    console.warn(
      'note: the link points at this computer, so a phone camera cannot open it; the in-app scanner still accepts the code. Use --base-url https://<your server> for plaques.',
    )
}

main(process.argv.slice(2)).catch((e: unknown) => failAdmin('qr:plaque', USAGE, e))
