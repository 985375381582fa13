import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { type ActiveState, applyEvent, NO_ACTIVE } from '../../src/domain/guide/active.ts'
import { type CommandEvent, CommandEventSchema, type GuideCommand } from '../../src/domain/guide/commands.ts'
import type { Db, Dialect, GuideStateTable } from '../db/tables.ts'

/**
 * Each class's newest commands, in the database (guide_state), so that sequence numbers grow by
 * one per class even when trainers of one class sit on different server processes, and a member
 * who connects late, to any process, after any restart, is told where the class is.
 *
 * With PostgreSQL, issuing reads and writes the row in one transaction with the row locked
 * (SELECT … FOR UPDATE), so two processes issuing at once get consecutive numbers; the commit
 * does not wait for its WAL flush (synchronous_commit off for that transaction only).
 *
 * With SQLite there is one server process per database file, so the numbering is kept in
 * memory (loaded from the table once per class, one issue at a time per class) and the row is
 * written just after the command has gone out: a command is not a member's record, and the
 * commit's fsync (milliseconds, tens on a busy disk) should not stand between the trainer's tap
 * and the members' screens. A crash in that instant forgets the newest command, not a record.
 */
function eventOf(json: string | null): CommandEvent | null {
  if (!json) return null
  const parsed = CommandEventSchema.safeParse(JSON.parse(json))
  // A row written by an older version whose command no longer parses is treated as absent.
  return parsed.success ? parsed.data : null
}

export const stateOfRow = (row: GuideStateTable | undefined): ActiveState =>
  row ? { seq: row.seq, focus: eventOf(row.focus), pause: eventOf(row.pause) } : NO_ACTIVE

export interface Issued {
  readonly event: CommandEvent
  readonly state: ActiveState
  /** Settles once the new state is in the table (already so with PostgreSQL). */
  readonly persisted: Promise<void>
}

export class GuideStore {
  /** SQLite only: each class's state, and the tail of its queue of issues. */
  private readonly cache = new Map<string, ActiveState>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  private read(classId: string): Promise<ActiveState> {
    return this.db
      .selectFrom('guide_state')
      .selectAll()
      .where('class_id', '=', classId)
      .executeTakeFirst()
      .then(stateOfRow)
  }

  async state(classId: string): Promise<ActiveState> {
    if (this.dialect === 'postgres') return this.read(classId)
    return this.cache.get(classId) ?? (await this.inQueue(classId, () => this.cached(classId)))
  }

  private async cached(classId: string): Promise<ActiveState> {
    const known = this.cache.get(classId)
    if (known) return known
    const state = await this.read(classId)
    this.cache.set(classId, state)
    return state
  }

  /** Runs `task` after every earlier task of the class (SQLite's issues, one at a time). */
  private inQueue<T>(classId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(classId) ?? Promise.resolve()).then(task, task)
    const tail = run.catch(() => {})
    this.queues.set(classId, tail)
    void tail.then(() => {
      if (this.queues.get(classId) === tail) this.queues.delete(classId)
    })
    return run
  }

  issue(classId: string, command: GuideCommand, issuer: CommandEvent['issuer'], now: Date): Promise<Issued> {
    return this.dialect === 'postgres'
      ? this.issueLocked(classId, command, issuer, now)
      : this.inQueue(classId, async () => {
          const before = await this.cached(classId)
          const event: CommandEvent = {
            id: randomUUID(),
            classId,
            seq: before.seq + 1,
            at: now.toISOString(),
            issuer,
            command,
          }
          const state = applyEvent(before, event)
          this.cache.set(classId, state)
          const persisted = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
            this.write(classId, state, event.at),
          )
          return { event, state, persisted }
        })
  }

  private async write(classId: string, state: ActiveState, at: string): Promise<void> {
    const values = {
      seq: state.seq,
      focus: state.focus ? JSON.stringify(state.focus) : null,
      pause: state.pause ? JSON.stringify(state.pause) : null,
      updated_at: at,
    }
    await this.db
      .insertInto('guide_state')
      .values({ class_id: classId, ...values })
      .onConflict((oc) => oc.column('class_id').doUpdateSet(values))
      .execute()
  }

  private async issueLocked(
    classId: string,
    command: GuideCommand,
    issuer: CommandEvent['issuer'],
    now: Date,
  ): Promise<Issued> {
    const at = now.toISOString()
    const issued = await this.db.transaction().execute(async (trx) => {
      // This transaction only: no wait for the WAL flush. As with SQLite above, a crash in that
      // instant forgets the newest command, never a record (the ingest keeps its full commit).
      await sql`set local synchronous_commit = off`.execute(trx)
      await trx
        .insertInto('guide_state')
        .values({ class_id: classId, seq: 0, focus: null, pause: null, updated_at: at })
        .onConflict((oc) => oc.column('class_id').doNothing())
        .execute()
      const select = trx.selectFrom('guide_state').selectAll().where('class_id', '=', classId)
      const row = await select.forUpdate().executeTakeFirstOrThrow()
      const before = stateOfRow(row)
      const event: CommandEvent = { id: randomUUID(), classId, seq: before.seq + 1, at, issuer, command }
      const state = applyEvent(before, event)
      await trx
        .updateTable('guide_state')
        .set({
          seq: state.seq,
          focus: state.focus ? JSON.stringify(state.focus) : null,
          pause: state.pause ? JSON.stringify(state.pause) : null,
          updated_at: at,
        })
        .where('class_id', '=', classId)
        .execute()
      return { event, state }
    })
    return { ...issued, persisted: Promise.resolve() }
  }
}
