import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

/**
 * Server configuration in three layers, later ones winning: built-in defaults, an optional JSON
 * file (HONGTU_CONFIG_FILE), then environment variables. Validated once at start-up; a bad value
 * stops the server with the variable's name and the rule it broke. Secrets (DATABASE_URL's
 * password) are masked whenever the configuration is logged: use {@link describeConfig}.
 */
const ConfigSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  distDir: z.string().min(1),
  /** Where the SQLite file lives (ignored with databaseUrl). */
  dataDir: z.string().min(1),
  /** postgres://… switches storage to PostgreSQL; empty means SQLite under dataDir. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  /** Content (routes-data/) is read from here at start-up; the same pack the app was built with. */
  projectRoot: z.string().min(1),
  /** Seed demo accounts and a demo class on first start. Turn off for a real deployment. */
  seedDemo: z.boolean(),
  /** Take the client address from the last X-Forwarded-For hop (only behind your own proxy). */
  trustProxy: z.boolean(),
  /** A session ends after this many days without use (sliding); see server/README.md. */
  sessionIdleDays: z.coerce.number().min(1).max(400),
  /** …and this many days after login at the latest. */
  sessionMaxDays: z.coerce.number().min(1).max(3650),
  /** Sync pushes allowed per member per minute (each ≤ 100 records). */
  syncPushesPerMinute: z.coerce.number().int().min(1).max(100_000),
  /** Extra origins for the CSP connect-src and img-src (a tile provider), space-separated. */
  cspExtraOrigins: z.array(z.string().regex(/^https:\/\/[^\s;,']+$/, { error: 'is not an https origin' })),
  /** Guided-mode commands allowed per trainer per minute. */
  guideCommandsPerMinute: z.coerce.number().int().min(1).max(100_000),
  /**
   * HTTPS (server/tls.ts): `off`, or `self-signed` for a certificate the server makes for this
   * machine's names and LAN addresses (kept under dataDir/tls, reused). Supplying tlsCert and
   * tlsKey (PEM files) serves those instead.
   */
  tls: z.enum(['off', 'self-signed'], { error: 'must be off or self-signed' }),
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
})
export type ServerConfig = z.infer<typeof ConfigSchema>

const ENV_NAMES: Record<keyof ServerConfig, string> = {
  port: 'PORT',
  host: 'HOST',
  distDir: 'HONGTU_DIST_DIR',
  dataDir: 'HONGTU_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  projectRoot: 'HONGTU_PROJECT_ROOT',
  seedDemo: 'HONGTU_SEED_DEMO',
  trustProxy: 'HONGTU_TRUST_PROXY',
  sessionIdleDays: 'HONGTU_SESSION_IDLE_DAYS',
  sessionMaxDays: 'HONGTU_SESSION_MAX_DAYS',
  syncPushesPerMinute: 'HONGTU_SYNC_PUSHES_PER_MINUTE',
  cspExtraOrigins: 'HONGTU_CSP_EXTRA_ORIGINS',
  guideCommandsPerMinute: 'HONGTU_GUIDE_COMMANDS_PER_MINUTE',
  tls: 'HONGTU_TLS',
  tlsCert: 'HONGTU_TLS_CERT',
  tlsKey: 'HONGTU_TLS_KEY',
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  distDir: 'dist',
  dataDir: 'data',
  projectRoot: '.',
  seedDemo: true,
  trustProxy: false,
  sessionIdleDays: 90,
  sessionMaxDays: 365,
  syncPushesPerMinute: 600,
  cspExtraOrigins: [],
  guideCommandsPerMinute: 120,
  tls: 'off',
}

const flag = (v: string) => (/^(1|true|yes|on)$/i.test(v) ? true : /^(0|false|no|off)$/i.test(v) ? false : v)

/** Environment values as typed, partial config; unset variables are absent. */
function fromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    if (key === 'seedDemo' || key === 'trustProxy') out[key] = flag(value)
    else if (key === 'cspExtraOrigins') out[key] = value.split(/\s+/).filter(Boolean)
    else out[key] = value
  }
  return out
}

function fromFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  if (!existsSync(path)) throw new Error(`invalid configuration:\nHONGTU_CONFIG_FILE: ${path} does not exist`)
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error(`invalid configuration:\nHONGTU_CONFIG_FILE: ${path} is not a JSON object`)
  return data as Record<string, unknown>
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const raw = { ...DEFAULT_CONFIG, ...fromFile(env.HONGTU_CONFIG_FILE), ...fromEnv(env) }
  const parsed = ConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof ServerConfig
      return `${ENV_NAMES[key] ?? key}: ${i.message}`
    })
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  const c = parsed.data
  const tlsProblem = tlsConfigProblem(c)
  if (tlsProblem) throw new Error(`invalid configuration:\n${tlsProblem}`)
  return {
    ...c,
    distDir: resolve(c.distDir),
    dataDir: resolve(c.dataDir),
    projectRoot: resolve(c.projectRoot),
    ...(c.tlsCert ? { tlsCert: resolve(c.tlsCert) } : {}),
    ...(c.tlsKey ? { tlsKey: resolve(c.tlsKey) } : {}),
  }
}

/** The certificate files must come as a pair, exist, and not be combined with a self-signed one. */
function tlsConfigProblem(c: ServerConfig): string | undefined {
  if (!c.tlsCert !== !c.tlsKey)
    return `${c.tlsCert ? ENV_NAMES.tlsKey : ENV_NAMES.tlsCert}: must be set together with ${c.tlsCert ? ENV_NAMES.tlsCert : ENV_NAMES.tlsKey}`
  if (c.tlsCert && c.tls === 'self-signed')
    return `${ENV_NAMES.tls}: self-signed cannot be combined with ${ENV_NAMES.tlsCert}/${ENV_NAMES.tlsKey}`
  for (const key of ['tlsCert', 'tlsKey'] as const) {
    const path = c[key]
    if (path && !existsSync(path)) return `${ENV_NAMES[key]}: ${path} does not exist`
  }
  return undefined
}

/** The SQLite file used when no DATABASE_URL is set. */
export const sqliteFileOf = (config: Pick<ServerConfig, 'dataDir'>) => join(config.dataDir, 'hongtu.sqlite')

/** Replaces the password (and any query string, which may carry one) of a database URL. */
export function maskDatabaseUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    if (u.search) u.search = '?***'
    return u.toString()
  } catch {
    return '***'
  }
}

/** The configuration as one log line, secrets masked. */
export function describeConfig(config: ServerConfig): string {
  const shown = {
    ...config,
    databaseUrl: config.databaseUrl ? maskDatabaseUrl(config.databaseUrl) : undefined,
  }
  return Object.entries(shown)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(' ') : String(v)}`)
    .join(' ')
}
