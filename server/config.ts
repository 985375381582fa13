import { resolve } from 'node:path'
import { z } from 'zod'

/**
 * Server configuration: defaults, overridden by environment variables, validated once at
 * start-up. A bad value stops the server with the variable's name and the rule it broke.
 */
const ConfigSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  distDir: z.string().min(1),
})
export type ServerConfig = z.infer<typeof ConfigSchema>

const ENV_NAMES: Record<keyof ServerConfig, string> = {
  port: 'PORT',
  host: 'HOST',
  distDir: 'HONGTU_DIST_DIR',
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const raw = {
    port: env.PORT ?? 8080,
    host: env.HOST ?? '0.0.0.0',
    distDir: resolve(env.HONGTU_DIST_DIR ?? 'dist'),
  }
  const parsed = ConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof ServerConfig
      return `${ENV_NAMES[key] ?? key}: ${i.message}`
    })
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  return parsed.data
}
