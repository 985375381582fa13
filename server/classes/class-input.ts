import { z } from 'zod'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import type { Db, Role } from '../db/tables.ts'
import { ApiError } from '../http/errors.ts'

/**
 * What a trainer or an admin may say about a class, and the checks that need the content, the
 * scenes and the accounts. Every refusal is a 400 `invalid` with the field path of the first
 * bad value (`routeId`, `sceneIds.1`, `endsOn`, `memberIds.3`), so a form can point at it.
 */

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
/** A class longer than two years is a typo (2062 for 2026), not a class. */
export const MAX_CLASS_DAYS = 731
export const MAX_SCENES = 20
export const MAX_TRAINERS = 20
/** A JSON body stays under 16 KiB; larger rosters come as a CSV file (POST …/roster). */
export const MAX_MEMBERS_PER_REQUEST = 300

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

const DAY_MS = 86_400_000
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS

const dateField = z
  .string()
  .refine(isCalendarDate, { error: 'is not a date YYYY-MM-DD' })
  .meta({ description: 'YYYY-MM-DD, China Standard Time' })
/**
 * A class's name is display text, never matched: NFC keeps what the trainer typed, full-width
 * brackets and all ("延安精神现场教学班（第一期）"). NFKC, right for names that are looked up
 * (usernames, branches), turned those into ASCII "(第一期)".
 */
const nameField = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' }))
const idList = (max: number) => z.array(z.string().min(1).max(80)).max(max)

export const NewClassBody = z.strictObject({
  name: nameField,
  routeId: z.string().min(1).max(80).nullable().optional().meta({ description: 'A route of routes-data' }),
  sceneIds: idList(MAX_SCENES).optional().meta({ description: 'Scene ids of scenes/ (VR center)' }),
  startsOn: dateField,
  endsOn: dateField,
  trainerIds: idList(MAX_TRAINERS)
    .optional()
    .meta({ description: 'Trainer or admin accounts; a trainer creating the class is always one' }),
  memberIds: idList(MAX_MEMBERS_PER_REQUEST).optional().meta({ description: 'Member accounts' }),
})
export type NewClassInput = z.infer<typeof NewClassBody>

export const ClassPatchBody = z
  .strictObject({
    name: nameField.optional(),
    startsOn: dateField.optional(),
    endsOn: dateField.optional(),
    sceneIds: idList(MAX_SCENES).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'names nothing to change' })
export type ClassPatch = z.infer<typeof ClassPatchBody>

const invalid = (path: string, message: string) => new ApiError(400, 'invalid', message, path)

/** Route, scenes and dates of a class as it will be after the change. */
export function checkClassShape(
  c: { routeId: string | null; sceneIds: readonly string[]; startsOn: string; endsOn: string },
  content: Pick<ContentPack, 'routes'>,
  knownScenes: readonly { id: string }[],
): void {
  if (c.routeId === null && c.sceneIds.length === 0)
    throw invalid('routeId', 'a class needs a route or at least one VR scene')
  if (c.routeId !== null && !content.routes.some((r) => r.id === c.routeId))
    throw invalid('routeId', 'names no route in routes-data')
  c.sceneIds.forEach((id, i) => {
    if (!knownScenes.some((s) => s.id === id)) throw invalid(`sceneIds.${i}`, 'names no scene in scenes/')
    if (c.sceneIds.indexOf(id) !== i) throw invalid(`sceneIds.${i}`, 'repeats an earlier scene')
  })
  if (c.endsOn < c.startsOn) throw invalid('endsOn', 'is before startsOn')
  if (daysBetween(c.startsOn, c.endsOn) >= MAX_CLASS_DAYS)
    throw invalid('endsOn', `is more than ${MAX_CLASS_DAYS} days after startsOn`)
}

/**
 * Checks that every id names an enabled account of an allowed role; the field path names the
 * first that does not. Members must be member accounts, trainers trainer or admin accounts, so
 * no one is both in one class.
 */
export async function checkPeople(
  db: Db,
  ids: readonly string[],
  field: 'trainerIds' | 'memberIds',
): Promise<void> {
  if (ids.length === 0) return
  const allowed: Role[] = field === 'trainerIds' ? ['trainer', 'admin'] : ['member']
  const rows = await db
    .selectFrom('users')
    .select(['id', 'role', 'disabled_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  ids.forEach((id, i) => {
    const u = byId.get(id)
    if (!u) throw invalid(`${field}.${i}`, 'names no account')
    if (u.disabled_at !== null) throw invalid(`${field}.${i}`, 'names a disabled account')
    if (!allowed.includes(u.role))
      throw invalid(
        `${field}.${i}`,
        field === 'trainerIds' ? 'is not a trainer or admin account' : 'is not a member account',
      )
  })
}
