import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import type { ContentPack } from '../src/domain/content/pack.ts'
import type { ScryptParams } from './auth/passwords.ts'
import type { ServerConfig } from './config.ts'
import type { Db, Dialect, Role } from './db/tables.ts'
import type { GuideNotifier } from './guide/service.ts'
import type { Logger } from './log.ts'

/** Everything a request handler needs, built once per app (server/main.ts or a test). */
export interface AppServices {
  readonly db: Db
  readonly dialect: Dialect
  readonly config: ServerConfig
  readonly content: ContentPack
  readonly log: Logger
  /** The server clock; tests step it to cross rate-limit windows and session lifetimes. */
  readonly now: () => Date
  readonly scrypt: ScryptParams
  /** Fault injection for tests only: see {@link TestFaults}. */
  readonly faults: TestFaults
  /** Guided mode (server/guide/service.ts): told when a push brought a member's new records. */
  readonly guide?: GuideNotifier
}

/**
 * Test-only fault hooks. They can be set only by code that builds the app (createApp's
 * options); no request, header, environment variable or configuration file reaches them, and
 * server/main.ts never passes any.
 */
export interface TestFaults {
  /**
   * Runs after a push transaction has committed and before the response is written; a test
   * destroys the socket here to simulate a connection lost after the commit (fault row 6).
   */
  readonly afterPushCommit?: (c: Context<AppEnv>, info: { recordIds: readonly string[] }) => void
}

export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branchId: string | null
  readonly sessionId: string
}

export interface AppEnv {
  Bindings: Partial<HttpBindings>
  Variables: { user: SessionUser | undefined }
}
