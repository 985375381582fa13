import type { CommandEvent } from '../../src/domain/guide/commands.ts'
import type { PresenceRow } from '../../src/domain/guide/presence.ts'

/**
 * How the server processes that share one database tell each other about guided mode. With
 * SQLite there is one process, and the local bus does nothing; with PostgreSQL, pg-bus.ts
 * carries messages over LISTEN/NOTIFY and keeps presence in a table.
 *
 * Messages are small (ids and a command, well under NOTIFY's 8000 bytes): a command event, "the
 * presence of class C changed", "records of class C's members arrived", and "these sessions
 * ended" (a logout or a disabled account: connections opened with them close at once).
 */
export type BusMessage =
  | { readonly t: 'cmd'; readonly e: CommandEvent }
  | { readonly t: 'presence'; readonly c: string }
  | { readonly t: 'nudge'; readonly c: string }
  | { readonly t: 'ended'; readonly x: EndedSessions }

/** Sessions that ended on the server: one (a logout), or every session of a user (disabled). */
export type EndedSessions = { readonly sessionId: string } | { readonly userId: string }

export interface PresenceChange {
  readonly userId: string
  readonly row: PresenceRow | null
}

export interface BusHandlers {
  /** A message from another process. */
  onMessage(message: BusMessage): void
  /** The bus may have missed messages (its connection dropped and came back): catch up. */
  onResync(): void
}

export interface GuideBus {
  publish(message: BusMessage): Promise<void>
  /** This process's rows for people of one class whose connections changed; null: they left. */
  savePresence(classId: string, changes: readonly PresenceChange[]): Promise<void>
  /** The rows other live processes hold for a class. */
  remotePresence(classId: string): Promise<PresenceRow[]>
  close(): Promise<void>
}

/** One process: nothing to tell anyone. */
export const localBus: GuideBus = {
  publish: async () => {},
  savePresence: async () => {},
  remotePresence: async () => [],
  close: async () => {},
}
