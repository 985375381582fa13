import { hashPassword, passwordProblem, type ScryptParams } from '../auth/passwords.ts'
import { revokeAllSessions } from '../auth/sessions.ts'
import { newId } from '../auth/tokens.ts'
import type { UserView } from '../auth/user-view.ts'
import { applyRoleChange } from '../classes/trainer-left.ts'
import type { Db, Role } from '../db/tables.ts'
import { uniqueViolationColumn } from '../db/unique-violation.ts'

/**
 * Accounts: creating, listing, disabling. Used by the admin API, the admin commands
 * (scripts/admin-*.ts) and the demo seed, so all three apply the same rules.
 */

/** Usernames are compared lower-case, after Unicode normalisation, without surrounding spaces. */
export const normaliseUsername = (name: string) => name.normalize('NFKC').trim().toLowerCase()
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{2,64}$/u

export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branchName?: string | null
  readonly memberNumber?: string | null
  readonly password: string
  /** `password` hashed already (a roster import hashes before its transaction). */
  readonly hashed?: string
  /** Fixed id (demo seed); a random UUID otherwise. */
  readonly id?: string
  /**
   * The demo accounts' published passwords are not "given" to anyone: the app does not ask
   * their users to change them. Every other new account's password was set by someone else.
   */
  readonly demo?: boolean
}

export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

/** The branch (党支部) with this name, created when new. */
export async function ensureBranch(db: Db, name: string, now: Date): Promise<string> {
  const trimmed = name.normalize('NFKC').trim()
  const found = await db.selectFrom('branches').select('id').where('name', '=', trimmed).executeTakeFirst()
  if (found) return found.id
  const id = newId()
  await db
    .insertInto('branches')
    .values({ id, name: trimmed, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('branches')
    .select('id')
    .where('name', '=', trimmed)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function createUser(db: Db, input: NewUser, now: Date, scrypt?: ScryptParams): Promise<string> {
  const username = normaliseUsername(input.username)
  if (!USERNAME_PATTERN.test(username))
    throw new UserInputError('username', 'must be 2–64 letters, digits, dots, dashes or underscores')
  const problem = passwordProblem(input.password)
  if (problem) throw new UserInputError('password', problem)
  const displayName = input.displayName.normalize('NFKC').trim()
  if (displayName.length < 1 || displayName.length > 80)
    throw new UserInputError('displayName', 'must be 1–80 characters')
  const branchName = input.branchName?.normalize('NFKC').trim() || null
  if (input.role === 'member' && !branchName)
    throw new UserInputError('branch', 'a member must belong to a branch (党支部)')
  if (input.branchName && !branchName) throw new UserInputError('branch', 'must not be blank')
  const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  if (taken) throw new UserInputError('username', 'is already taken')
  const memberNumber = input.memberNumber?.trim() || null
  // member_number is unique: a second account with it was a constraint error, a 500.
  if (memberNumber !== null) {
    const used = await db
      .selectFrom('users')
      .select('id')
      .where('member_number', '=', memberNumber)
      .executeTakeFirst()
    if (used) throw new UserInputError('memberNumber', 'is already used by another account')
  }
  const passwordHash = input.hashed ?? (await hashPassword(input.password, scrypt))
  const id = input.id ?? newId()
  // The branch and the user in one transaction: a user that cannot be written leaves no new branch.
  const write = async (trx: Db) => {
    const branchId = branchName ? await ensureBranch(trx, branchName, now) : null
    await trx
      .insertInto('users')
      .values({
        id,
        username,
        display_name: displayName,
        member_number: memberNumber,
        branch_id: branchId,
        role: input.role,
        password_hash: passwordHash,
        password_given_at: input.demo ? null : now.toISOString(),
        disabled_at: null,
        created_at: now.toISOString(),
      })
      .execute()
  }
  try {
    if (db.isTransaction) await write(db)
    else await db.transaction().execute(write)
  } catch (e) {
    // The same name or number sent twice at once: both passed the checks above.
    const column = uniqueViolationColumn(e, 'users')
    if (column === 'username') throw new UserInputError('username', 'is already taken')
    if (column === 'member_number')
      throw new UserInputError('memberNumber', 'is already used by another account')
    throw e
  }
  return id
}

function usersQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('branches', 'branches.id', 'users.branch_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.member_number',
      'users.disabled_at',
      'users.password_given_at',
      'branches.id as branch_id',
      'branches.name as branch_name',
    ])
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>['executeTakeFirstOrThrow']>>

const toView = (r: UserRow): UserView => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  branch: r.branch_id && r.branch_name ? { id: r.branch_id, name: r.branch_name } : null,
  memberNumber: r.member_number,
  disabled: r.disabled_at !== null,
  passwordGiven: r.password_given_at !== null,
})

export async function findUser(db: Db, id: string): Promise<UserView | undefined> {
  const r = await usersQuery(db).where('users.id', '=', id).executeTakeFirst()
  return r ? toView(r) : undefined
}

export async function findUserByUsername(db: Db, username: string): Promise<UserView | undefined> {
  const r = await usersQuery(db).where('users.username', '=', normaliseUsername(username)).executeTakeFirst()
  return r ? toView(r) : undefined
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await usersQuery(db).orderBy('users.username').execute()).map(toView)
}

export interface AccountChanges {
  readonly displayName?: string
  readonly role?: Role
  /** null: no branch (not for a member). */
  readonly branch?: string | null
}

/**
 * Changes an account's name, role or branch (a typo, a move to another 党支部, a new trainer),
 * with the rules of createUser. Returns the fields that changed and the classes the account
 * stopped training (a trainer made a member: classes/trainer-left.ts), or undefined for an
 * unknown id. A changed role ends the account's sessions.
 */
export async function updateUser(
  db: Db,
  id: string,
  changes: AccountChanges,
  now: Date,
): Promise<{ changed: ('displayName' | 'role' | 'branch')[]; classesLeft: string[] } | undefined> {
  const current = await findUser(db, id)
  if (!current) return undefined
  const displayName =
    changes.displayName === undefined ? current.displayName : changes.displayName.normalize('NFKC').trim()
  if (displayName.length < 1 || displayName.length > 80)
    throw new UserInputError('displayName', 'must be 1–80 characters')
  const role = changes.role ?? current.role
  const branchName =
    changes.branch === undefined
      ? (current.branch?.name ?? null)
      : changes.branch?.normalize('NFKC').trim() || null
  if (changes.branch && !branchName) throw new UserInputError('branch', 'must not be blank')
  if (role === 'member' && !branchName)
    throw new UserInputError('branch', 'a member must belong to a branch (党支部)')
  const changed = [
    ...(displayName !== current.displayName ? (['displayName'] as const) : []),
    ...(role !== current.role ? (['role'] as const) : []),
    ...(branchName !== (current.branch?.name ?? null) ? (['branch'] as const) : []),
  ]
  if (changed.length === 0) return { changed, classesLeft: [] }
  const classesLeft = await db.transaction().execute(async (trx) => {
    const branchId = branchName ? await ensureBranch(trx, branchName, now) : null
    await trx
      .updateTable('users')
      .set({ display_name: displayName, role, branch_id: branchId })
      .where('id', '=', id)
      .execute()
    return applyRoleChange(trx, id, current.role, role, now)
  })
  return { changed, classesLeft }
}

/** Disabling a user ends all of their sessions at once (fault row 29). Returns false for an unknown id. */
export async function setDisabled(db: Db, userId: string, disabled: boolean, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ disabled_at: disabled ? now.toISOString() : null })
    .where('id', '=', userId)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) === 0) return false
  if (disabled) await revokeAllSessions(db, userId, now)
  return true
}

/** A new password ends every session of the user. */
export async function setPassword(
  db: Db,
  userId: string,
  password: string,
  now: Date,
  scrypt?: ScryptParams,
): Promise<void> {
  const problem = passwordProblem(password)
  if (problem) throw new UserInputError('password', problem)
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password, scrypt), password_given_at: now.toISOString() })
    .where('id', '=', userId)
    .execute()
  await revokeAllSessions(db, userId, now)
}
