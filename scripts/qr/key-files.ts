import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CONTENT_ID_PATTERN } from '../../src/domain/ids.ts'
import { generateSiteKeyPair, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'

/**
 * Where QR signing keys live. The private key is `data/keys/<kid>.private.jwk` (data/ is
 * gitignored; file mode 0600 in a 0700 folder); its public half is content,
 * `routes-data/keys/<kid>.json`, and ships to every device.
 */

export const privateKeyPath = (root: string, kid: string) => join(root, 'data', 'keys', `${kid}.private.jwk`)
export const publicKeyPath = (root: string, kid: string) => join(root, 'routes-data', 'keys', `${kid}.json`)

/** An error the admin can fix; `usage` when the command line itself was wrong. */
export class AdminError extends Error {
  override readonly name = 'AdminError'
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message)
  }
}

/** Prints an error the way both QR commands do, and exits 1. */
export function failAdmin(command: string, usage: string, e: unknown): never {
  const argsError = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
  const known = e instanceof AdminError || argsError
  console.error(`${command}: ${e instanceof Error ? e.message : String(e)}`)
  if (argsError || (e instanceof AdminError && e.usage)) console.error(usage)
  if (!known && e instanceof Error && e.stack) console.error(e.stack)
  process.exit(1)
}

export function checkKid(kid: string): void {
  if (kid.length > 64 || !CONTENT_ID_PATTERN.test(kid))
    throw new AdminError(
      `--kid ${JSON.stringify(kid)} is not a kebab-case id (a-z, 0-9, single hyphens; ≤ 64)`,
      true,
    )
}

/** Makes a new key pair and writes both files; refuses to replace either. Returns the paths written. */
export async function createSiteKey(options: {
  root: string
  kid: string
  note?: string
}): Promise<{ privatePath: string; publicPath: string }> {
  const { root, kid } = options
  checkKid(kid)
  const privatePath = privateKeyPath(root, kid)
  const publicPath = publicKeyPath(root, kid)
  for (const path of [privatePath, publicPath])
    if (existsSync(path))
      throw new AdminError(
        `${relative(root, path)} already exists: choose another --kid (keys are never replaced)`,
      )

  const { publicJwk, privateJwk } = await generateSiteKeyPair()
  mkdirSync(join(root, 'data', 'keys'), { recursive: true, mode: 0o700 })
  mkdirSync(join(root, 'routes-data', 'keys'), { recursive: true })
  // 'wx' fails if the file appeared meanwhile; mode applies at creation, chmod covers a umask.
  writeFileSync(privatePath, `${JSON.stringify({ ...privateJwk, kid }, null, 2)}\n`, {
    flag: 'wx',
    mode: 0o600,
  })
  chmodSync(privatePath, 0o600)
  const publicFile = {
    kid,
    use: 'site',
    alg: 'ES256',
    publicKey: publicJwk,
    ...(options.note ? { note: options.note } : {}),
  }
  writeFileSync(publicPath, `${JSON.stringify(publicFile, null, 2)}\n`, { flag: 'wx' })
  return { privatePath, publicPath }
}

/** Reads a private JWK written by createSiteKey, with an error that says what to do when it is missing. */
export function readPrivateKey(path: string, root: string): PrivateSiteJwk {
  if (!existsSync(path))
    throw new AdminError(
      `no private key at ${relative(root, path)}: make one with npm run qr:keygen -- --kid <kid>, or pass --key-file <path>`,
    )
  let jwk: unknown
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new AdminError(`${relative(root, path)} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  const j = jwk as Partial<PrivateSiteJwk>
  if (j.kty !== 'EC' || j.crv !== 'P-256' || !j.x || !j.y || !j.d)
    throw new AdminError(
      `${relative(root, path)} is not a P-256 private key (JWK with kty EC, crv P-256, x, y, d)`,
    )
  return j as PrivateSiteJwk
}
