import type { Generated, Kysely } from 'kysely'

/**
 * The tables, as Kysely sees them. Times are ISO 8601 UTC strings (`…Z`, milliseconds) in both
 * SQLite and PostgreSQL, so they compare correctly as text and read back the same on both.
 * JSON is stored as text for the same reason. Renaming a column here without a migration
 * loses data: change both together (server/db/migrations.ts).
 */

export type Role = 'member' | 'trainer' | 'admin'
export const ROLES: readonly Role[] = ['member', 'trainer', 'admin']

export interface BranchesTable {
  id: string
  /** e.g. 延安市直机关第一党支部; unique. */
  name: string
  created_at: string
}

export interface UsersTable {
  /** Stable id; it is the `memberId` of every record the user makes. */
  id: string
  /** Login name, stored lower-case; unique. */
  username: string
  display_name: string
  /** 党员编号 from the roster, when known; unique. */
  member_number: string | null
  branch_id: string | null
  role: Role
  /** scrypt, see server/auth/passwords.ts. */
  password_hash: string
  /** When someone else (admin, trainer, roster) last set the password; null once the user chose their own. */
  password_given_at: string | null
  disabled_at: string | null
  created_at: string
}

export interface SessionsTable {
  id: string
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  token_hash: string
  user_id: string
  created_at: string
  last_seen_at: string
  /** Sliding: last_seen_at + idle lifetime, capped at created_at + max lifetime. */
  expires_at: string
  revoked_at: string | null
  /** A short description of the device (browser family), for the member's device list. */
  label: string
}

export interface LoginFailuresTable {
  id: Generated<number>
  /** Normalised username as typed, known or not (so unknown names are limited alike). */
  account: string
  ip: string
  /** sha256 of the trusted-device cookie presented with the attempt, or ''. */
  device: string
  at: string
}

export interface TrustedDevicesTable {
  token_hash: string
  user_id: string
  created_at: string
}

export interface ClassesTable {
  id: string
  name: string
  /** The route the class travels; null for a class of VR scenes only. */
  route_id: string | null
  /** Calendar dates YYYY-MM-DD in China Standard Time (UTC+8). */
  starts_on: string
  ends_on: string
  created_at: string
  /** JSON array of scene ids (scenes/registry.ts) the class takes in the VR center. */
  scene_ids: string
  /** The trainer or admin who created it; null for classes made by the admin command. */
  created_by: string | null
}

/**
 * A class's attestation key pairs (ES256, JWK JSON). The private key goes to the class's
 * trainers, whose devices sign the rotating presence code offline; the public key goes to its
 * members, whose devices verify the code offline. A retired key still verifies old codes.
 */
export interface ClassKeysTable {
  kid: string
  class_id: string
  public_jwk: string
  private_jwk: string
  created_at: string
  retired_at: string | null
}

export interface ClassUsersTable {
  class_id: string
  user_id: string
}

export interface ClassMembersTable extends ClassUsersTable {
  /**
   * ISO time: the member's records without a class count for the class from then on (within its
   * dates); '' for no bound. See classes/enrolment.ts.
   */
  untagged_from: string
}

export type RecordStatus = 'accepted' | 'held' | 'deleted'

export interface RecordsTable {
  /** Server order; the pull cursor. Assigned in commit order (see sync/ingest.ts). */
  server_seq: Generated<number>
  /** From the session, never from the body. Unique with `id`. */
  member_id: string
  id: string
  kind: string
  v: number
  device_id: string
  seq: number
  /** As the device sent it. */
  occurred_at: string
  /** occurred_at + clock_offset_ms, in UTC: the best estimate of when it happened. */
  occurred_at_corrected: string
  clock_offset_ms: number | null
  class_id: string | null
  content_version: string
  /** The payload as validated (coordinates rounded to 3 decimals), JSON. */
  payload: string
  /** sha256 (hex) of the canonical record; same id + other hash = conflict. */
  payload_hash: string
  status: RecordStatus
  /** For status 'held': the record id this one waits for. */
  held_for: string | null
  /** JSON array of verification flags (sync/verify.ts). */
  flags: string
  received_at: string
  deleted_at: string | null
  deleted_by: string | null
}

/** Guided mode: a class's newest commands (see server/guide/store.ts). */
export interface GuideStateTable {
  class_id: string
  /** The newest command's sequence number; grows by one per command, across processes. */
  seq: number
  /** JSON CommandEvent (src/domain/guide/commands.ts): where the class is asked to be, or null. */
  focus: string | null
  /** JSON CommandEvent of a VR pause while it lasts, or null. */
  pause: string | null
  updated_at: string
}

/** Guided mode with PostgreSQL: who is connected through which server process (server/guide/pg-bus.ts). */
export interface GuidePresenceTable {
  process_id: string
  class_id: string
  user_id: string
  display_name: string
  role: 'lead' | 'follow'
  connections: number
  acked_seq: number
  /** Refreshed by the owning process every few seconds; older rows belong to a process that died. */
  seen_at: string
}

export interface MetaTable {
  key: string
  value: string
}

export interface Database {
  branches: BranchesTable
  users: UsersTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  trusted_devices: TrustedDevicesTable
  classes: ClassesTable
  class_trainers: ClassUsersTable
  class_members: ClassMembersTable
  class_keys: ClassKeysTable
  records: RecordsTable
  meta: MetaTable
  guide_state: GuideStateTable
  guide_presence: GuidePresenceTable
}

export type Db = Kysely<Database>
export type Dialect = 'sqlite' | 'postgres'
