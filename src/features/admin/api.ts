import { type ApiResult, call, isObject, jsonInit, map, str } from '../../platform/api-call.ts'

/**
 * The admin page's calls (账号管理): accounts, one by one or from a roster file. A password the
 * server makes arrives in one answer only; the page shows it once and keeps it nowhere.
 */

export type Role = 'member' | 'trainer' | 'admin'
const ROLES: readonly string[] = ['member', 'trainer', 'admin']

export interface Account {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branch: string | null
  readonly memberNumber: string | null
  readonly disabled: boolean
  /** Still on the password someone else set (a new account, a reset): not changed by its user yet. */
  readonly passwordGiven: boolean
}

function accountOf(v: unknown): Account | undefined {
  if (!isObject(v)) return undefined
  const id = str(v.id)
  const username = str(v.username)
  const role = str(v.role)
  if (!id || !username || !role || !ROLES.includes(role)) return undefined
  return {
    id,
    username,
    displayName: str(v.displayName) ?? username,
    role: role as Role,
    branch: isObject(v.branch) ? str(v.branch.name) : null,
    memberNumber: str(v.memberNumber),
    disabled: v.disabled === true,
    passwordGiven: v.passwordGiven === true,
  }
}

const accountAndPassword = (b: unknown) => {
  if (!isObject(b)) return undefined
  const account = accountOf(b.user)
  return account && { account, password: str(b.password) }
}

export async function fetchAccounts(doFetch?: typeof fetch): Promise<ApiResult<Account[]>> {
  return map(await call('/api/admin/users', {}, doFetch), (b) =>
    isObject(b) && Array.isArray(b.users) ? b.users.flatMap((u) => accountOf(u) ?? []) : undefined,
  )
}

export interface NewAccount {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branch?: string
  readonly memberNumber?: string
}

/** A new account; the server makes its password and answers it here, once. */
export async function createAccount(
  input: NewAccount,
  doFetch?: typeof fetch,
): Promise<ApiResult<{ account: Account; password: string | null }>> {
  return map(await call('/api/admin/users', jsonInit('POST', input), doFetch), accountAndPassword)
}

/** A new password made by the server; every session of the account ends. */
export async function resetPassword(
  id: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<{ account: Account; password: string | null }>> {
  return map(
    await call(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' }, doFetch),
    accountAndPassword,
  )
}

export interface AccountChanges {
  readonly displayName?: string
  readonly role?: Role
  /** null: no branch (trainers and admins only). */
  readonly branch?: string | null
}

/** Name, role or branch; answers the account as it now is. */
export async function updateAccount(
  id: string,
  changes: AccountChanges,
  doFetch?: typeof fetch,
): Promise<ApiResult<Account>> {
  return map(
    await call(`/api/admin/users/${encodeURIComponent(id)}`, jsonInit('PATCH', changes), doFetch),
    (b) => (isObject(b) ? accountOf(b.user) : undefined),
  )
}

export async function setAccountDisabled(
  id: string,
  disabled: boolean,
  doFetch?: typeof fetch,
): Promise<ApiResult<Account>> {
  const path = `/api/admin/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`
  return map(await call(path, { method: 'POST' }, doFetch), (b) =>
    isObject(b) ? accountOf(b.user) : undefined,
  )
}

/** Ends every session of the account (a lost phone); answers how many ended. */
export async function revokeAccountSessions(id: string, doFetch?: typeof fetch): Promise<ApiResult<number>> {
  return map(
    await call(`/api/admin/users/${encodeURIComponent(id)}/revoke-sessions`, { method: 'POST' }, doFetch),
    (b) => (isObject(b) && typeof b.revoked === 'number' ? b.revoked : undefined),
  )
}

export interface RosterAccount {
  readonly line: number
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branch: string | null
}

export interface RosterImport {
  readonly dryRun: boolean
  /** With their initial passwords, unless a dry run. */
  readonly created: readonly (RosterAccount & { readonly password: string | null })[]
  readonly updated: readonly (RosterAccount & { readonly changed: readonly string[] })[]
  readonly unchanged: number
}

function rosterAccountOf(v: unknown): RosterAccount | undefined {
  if (!isObject(v) || typeof v.line !== 'number') return undefined
  const username = str(v.username)
  const role = str(v.role)
  if (!username || !role || !ROLES.includes(role)) return undefined
  return {
    line: v.line,
    username,
    displayName: str(v.displayName) ?? username,
    role: role as Role,
    branch: str(v.branch),
  }
}

/**
 * Sends a roster file: with `dryRun`, the server only says what it would do. Without, it
 * writes every row or none; the answer's `created` holds the initial passwords.
 */
export async function importRoster(
  file: Blob,
  dryRun: boolean,
  doFetch?: typeof fetch,
): Promise<ApiResult<RosterImport>> {
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file }
  return map(await call(`/api/admin/roster${dryRun ? '?dryRun=true' : ''}`, init, doFetch), (b) => {
    if (!isObject(b) || !Array.isArray(b.created) || !Array.isArray(b.updated)) return undefined
    return {
      dryRun: b.dryRun === true,
      created: b.created.flatMap((c) => {
        const a = rosterAccountOf(c)
        return a && isObject(c) ? [{ ...a, password: str(c.password) }] : []
      }),
      updated: b.updated.flatMap((u) => {
        const a = rosterAccountOf(u)
        return a && isObject(u)
          ? [{ ...a, changed: Array.isArray(u.changed) ? u.changed.flatMap((x) => str(x) ?? []) : [] }]
          : []
      }),
      unchanged: Array.isArray(b.unchanged) ? b.unchanged.length : 0,
    }
  })
}
