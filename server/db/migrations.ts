import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely'
import type { Db, Dialect } from './tables.ts'

/**
 * Schema migrations, shared by SQLite and PostgreSQL; the only difference is how an
 * auto-incrementing key is spelt. Migrations are append-only: never edit one that has shipped,
 * add the next instead (a database records which have run in kysely_migration).
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as it is now
type AnyDb = Kysely<any>

/** An auto-incrementing integer primary key, in each dialect's spelling. */
function serialKey(dialect: Dialect) {
  return dialect === 'postgres'
    ? { type: 'bigserial' as const, build: (c: ColumnDefinitionBuilder) => c.primaryKey() }
    : { type: 'integer' as const, build: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement() }
}

function initial(dialect: Dialect): Migration {
  const serial = serialKey(dialect)
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('branches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('member_number', 'text', (c) => c.unique())
        .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['member', 'trainer', 'admin'])))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('label', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
      await db.schema
        .createTable('login_failures')
        .addColumn('id', serial.type, serial.build)
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('login_failures_account')
        .on('login_failures')
        .columns(['account', 'at'])
        .execute()
      await db.schema
        .createTable('trusted_devices')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('classes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('route_id', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      for (const table of ['class_trainers', 'class_members']) {
        await db.schema
          .createTable(table)
          .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addPrimaryKeyConstraint(`${table}_pk`, ['class_id', 'user_id'])
          .execute()
        await db.schema.createIndex(`${table}_user`).on(table).column('user_id').execute()
      }
      await db.schema
        .createTable('records')
        .addColumn('server_seq', serial.type, serial.build)
        .addColumn('member_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('v', 'integer', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('occurred_at_corrected', 'text', (c) => c.notNull())
        .addColumn('clock_offset_ms', 'bigint')
        .addColumn('class_id', 'text')
        .addColumn('content_version', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('payload_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['accepted', 'held', 'deleted'])),
        )
        .addColumn('held_for', 'text')
        .addColumn('flags', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'text')
        .addUniqueConstraint('records_member_id', ['member_id', 'id'])
        .execute()
      await db.schema
        .createIndex('records_member_time')
        .on('records')
        .columns(['member_id', 'kind', 'occurred_at_corrected'])
        .execute()
      await db.schema.createIndex('records_class').on('records').columns(['class_id', 'server_seq']).execute()
      await db.schema.createIndex('records_held').on('records').columns(['member_id', 'held_for']).execute()
    },
  }
}

/** `column IN ('a', 'b')` for a CHECK constraint; the values are constants of this file. */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`)
}

/**
 * Classes for trainers (issue 7): a class may be a set of VR scenes without a route, records who
 * created it, and holds the key pairs its trainers sign attestation codes with.
 */
function classesForTrainers(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('classes')
          .alterColumn('route_id', (c) => c.dropNotNull())
          .execute()
      } else {
        // SQLite cannot drop NOT NULL: rebuild the table (sqlite.org/lang_altertable.html, the
        // 12 steps). Kysely runs SQLite migrations outside a transaction, so foreign keys are
        // switched off around one explicit transaction and checked before it commits.
        await sql`pragma foreign_keys = off`.execute(db)
        await sql`begin`.execute(db)
        try {
          await db.schema
            .createTable('classes_rebuilt')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('route_id', 'text')
            .addColumn('starts_on', 'text', (c) => c.notNull())
            .addColumn('ends_on', 'text', (c) => c.notNull())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .execute()
          await sql`insert into classes_rebuilt (id, name, route_id, starts_on, ends_on, created_at)
            select id, name, route_id, starts_on, ends_on, created_at from classes`.execute(db)
          await db.schema.dropTable('classes').execute()
          await db.schema.alterTable('classes_rebuilt').renameTo('classes').execute()
          const broken = await sql`pragma foreign_key_check`.execute(db)
          if (broken.rows.length > 0) throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`)
          await sql`commit`.execute(db)
        } catch (e) {
          await sql`rollback`.execute(db)
          throw e
        } finally {
          await sql`pragma foreign_keys = on`.execute(db)
        }
      }
      await db.schema
        .alterTable('classes')
        .addColumn('scene_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute()
      await db.schema.alterTable('classes').addColumn('created_by', 'text').execute()
      await db.schema
        .createTable('class_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('private_jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text')
        .execute()
      await db.schema.createIndex('class_keys_class').on('class_keys').column('class_id').execute()
    },
  }
}

/**
 * Guided mode (issue 7): each class's newest trainer commands, so a late joiner is told at once
 * and sequence numbers grow across server processes; and, with PostgreSQL, who is connected to
 * which process (rows refreshed by each process, stale rows ignored), so a trainer on one process
 * sees members on another. A single SQLite process keeps presence in memory and leaves that
 * table empty.
 */
function guidedMode(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('guide_state')
        .addColumn('class_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('focus', 'text')
        .addColumn('pause', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('guide_presence')
        .addColumn('process_id', 'text', (c) => c.notNull())
        .addColumn('class_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['lead', 'follow'])))
        .addColumn('connections', 'integer', (c) => c.notNull())
        .addColumn('acked_seq', 'integer', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('guide_presence_pk', ['process_id', 'class_id', 'user_id'])
        .execute()
      await db.schema.createIndex('guide_presence_class').on('guide_presence').column('class_id').execute()
    },
  }
}

/**
 * Sync ingest speed (issue 4): held records are found through a partial index of the held rows
 * only. The full (member_id, held_for) index it replaces held an entry for every record (nearly
 * all with held_for NULL), cost an index write per insert, and PostgreSQL's planner often
 * preferred records_member_time to it and read every row of the member on every push.
 */
function ingestPendingHolds(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.dropIndex('records_held').execute()
      await sql`create index records_pending_holds on records (member_id, held_for) where held_for is not null`.execute(
        db,
      )
    },
  }
}

/**
 * What a class sees of a member's untagged records starts a little before the member was added
 * (classes/enrolment.ts). Enrolments made before this rule keep seeing them all ('').
 */
function enrolmentBound(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('class_members')
        .addColumn('untagged_from', 'text', (c) => c.notNull().defaultTo(''))
        .execute()
    },
  }
}

/**
 * A password someone else set (an admin, a trainer, a roster import) is one the member should
 * replace: the app asks until they do. Accounts from before this column are not asked, since
 * who chose their password is not known.
 */
function passwordGiven(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('users').addColumn('password_given_at', 'text').execute()
    },
  }
}

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_classes_for_trainers': classesForTrainers(dialect),
    '0003_guided_mode': guidedMode(),
    '0004_ingest_pending_holds': ingestPendingHolds(),
    '0005_enrolment_bound': enrolmentBound(),
    '0006_password_given': passwordGiven(),
  }
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) }
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`)
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
