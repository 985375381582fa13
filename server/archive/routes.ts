import type { Context } from 'hono'
import { z } from 'zod'
import { tableToCsv } from '../../src/domain/archive/csv-writer.ts'
import {
  type ArchiveTables,
  classArchiveTables,
  memberArchiveTables,
} from '../../src/domain/archive/tables.ts'
import { NAMESPACE_URL, uuidv5 } from '../../src/domain/archive/uuidv5.ts'
import { statementsOf, type XapiStatement } from '../../src/domain/archive/xapi.ts'
import { requireUser } from '../auth/middleware.ts'
import { classForStaff } from '../classes/access.ts'
import type { AppEnv, AppServices, SessionUser } from '../context.ts'
import type { ClassesTable } from '../db/tables.ts'
import { notFound } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { type ClassArchiveData, classArchiveData, xapiNames } from './dashboard-data.ts'
import { download, publicOrigin } from './download.ts'
import { tablesToXlsx } from './xlsx-writer.ts'

/**
 * The archive (学员档案) downloads: a class's (its trainers and admins) and a member's across
 * their classes (the member, admins, and a trainer for the classes that trainer trains: a
 * trainer sees nothing of a member's other classes, and a member they train in no class is
 * 404 like a stranger). Every figure comes from the class dashboards (dashboard-data.ts).
 */

const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', description: 'The detail table, UTF-8 with BOM' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: 'Sheets 总表 Summary, 明细 Detail, 心得 Reflections',
  },
  'xapi.json': {
    contentType: 'application/json; charset=utf-8',
    description: 'xAPI 1.0.3 statements (a JSON array; ?format=ndjson for one statement per line)',
  },
} as const
type Format = keyof typeof FORMATS

const XapiQuery = z.strictObject({
  format: z
    .enum(['json', 'ndjson'])
    .optional()
    .meta({ description: 'xapi.json only: ndjson for one per line' }),
})

const DATE_TAG = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

export function archiveRoutes(api: ApiRegistry, s: AppServices): void {
  for (const format of Object.keys(FORMATS) as Format[]) {
    api.add(
      {
        method: 'get',
        path: `/api/classes/:classId/archive.${format}`,
        tag: 'archive',
        summary: `The class archive as ${format}: ${FORMATS[format].description}`,
        access: 'its trainers and admins (members: 403, others: 404)',
        ...(format === 'xapi.json' ? { query: XapiQuery } : {}),
        responses: {
          200: {
            description: 'A file (Content-Disposition: attachment)',
            contentType: FORMATS[format].contentType,
          },
          403: { description: '`forbidden`: a member of the class' },
          404: { description: '`not_found`' },
        },
      },
      async (c) => {
        const user = requireUser(c)
        const cls = await classForStaff(s.db, pathParam(c, 'classId'), user)
        const data = await classArchiveData(s, cls)
        s.log('archive.export', { user: user.id, class: cls.id, format })
        const names = {
          fileName: `学员档案-${cls.name}-${cls.id}-${DATE_TAG(s.now())}.${format}`,
          ascii: `hongtu-archive-${cls.id}-${DATE_TAG(s.now())}.${format}`,
        }
        return respond(c, format, names, classArchiveTables(data.dashboard), [{ cls, data }])
      },
    )

    api.add(
      {
        method: 'get',
        path: `/api/members/:memberId/archive.${format}`,
        tag: 'archive',
        summary: `A member's archive across their classes as ${format}: ${FORMATS[format].description}`,
        access:
          'the member, admins, and a trainer for the classes they train (others, and a trainer who trains the member in no class: 404)',
        ...(format === 'xapi.json' ? { query: XapiQuery } : {}),
        responses: {
          200: {
            description: 'A file (Content-Disposition: attachment)',
            contentType: FORMATS[format].contentType,
          },
          404: { description: '`not_found`' },
        },
      },
      async (c) => {
        const user = requireUser(c)
        const memberId = pathParam(c, 'memberId')
        const { member, classes } = await memberClassesFor(user, memberId)
        const parts = await Promise.all(
          classes.map(async (cls) => ({ cls, data: await classArchiveData(s, cls, memberId) })),
        )
        s.log('archive.export', { user: user.id, member: memberId, format })
        const names = {
          fileName: `学员档案-${member.display_name}-${DATE_TAG(s.now())}.${format}`,
          ascii: `hongtu-archive-member-${memberId}-${DATE_TAG(s.now())}.${format}`,
        }
        const tables = memberArchiveTables(
          parts.map((p) => p.data.dashboard),
          memberId,
        )
        return respond(c, format, names, tables, parts)
      },
    )
  }

  /** The member's classes this user may export, oldest first; 404 when they may see none of it. */
  async function memberClassesFor(user: SessionUser, memberId: string) {
    const member = await s.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', memberId)
      .executeTakeFirst()
    const mayAll = user.role === 'admin' || user.id === memberId
    if (!member || (!mayAll && user.role !== 'trainer')) throw notFound('no such member')
    let query = s.db
      .selectFrom('classes')
      .selectAll()
      .where('id', 'in', (eb) =>
        eb.selectFrom('class_members').select('class_id').where('user_id', '=', memberId),
      )
    if (!mayAll)
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('class_trainers').select('class_id').where('user_id', '=', user.id),
      )
    const classes = await query.orderBy('starts_on').orderBy('id').execute()
    if (!mayAll && classes.length === 0) throw notFound('no such member')
    return { member, classes }
  }

  async function respond(
    c: Context<AppEnv>,
    format: Format,
    names: { fileName: string; ascii: string },
    tables: ArchiveTables,
    parts: readonly { cls: ClassesTable; data: ClassArchiveData }[],
  ): Promise<Response> {
    if (format === 'csv') return download(c, tableToCsv(tables.detail), FORMATS.csv.contentType, names)
    if (format === 'xlsx')
      return download(c, await tablesToXlsx(tables, s.now()), FORMATS.xlsx.contentType, names)
    const statements = xapiStatements(publicOrigin(c, s.config.trustProxy), parts)
    if (c.req.query('format') === 'ndjson')
      return download(
        c,
        statements.map((st) => `${JSON.stringify(st)}\n`).join(''),
        'application/x-ndjson; charset=utf-8',
        {
          fileName: names.fileName.replace(/\.json$/, '.ndjson'),
          ascii: names.ascii.replace(/\.json$/, '.ndjson'),
        },
      )
    return download(c, JSON.stringify(statements), FORMATS['xapi.json'].contentType, names)
  }

  /**
   * One statement per accepted record. A record can belong to two classes (untagged, made while
   * both ran); a statement id must be unique in an export, so it is given once, for the first.
   */
  function xapiStatements(
    origin: string,
    parts: readonly { cls: ClassesTable; data: ClassArchiveData }[],
  ): XapiStatement[] {
    const names = xapiNames(s)
    const seen = new Set<string>()
    const statementOwners = new Map<string, string>()
    const out: XapiStatement[] = []
    for (const { cls, data } of parts)
      for (const member of data.members) {
        // A record is one member's (ids are unique per member): another member's record with
        // the same id must not hide it.
        const key = (id: string) => `${member.id}\u0000${id}`
        const records = data.accepted.filter(
          (r) => r.record.memberId === member.id && !seen.has(key(r.record.id)),
        )
        for (const r of records) seen.add(key(r.record.id))
        const statements = statementsOf({
          origin,
          class: { id: cls.id, name: cls.name, routeId: cls.route_id },
          member: { id: member.id, displayName: member.displayName },
          names,
          records,
        })
        for (const st of statements) {
          // A statement's id is its record's; a second member's record with the same id gets an
          // id of its own (a UUIDv5 of member and record), as an LRS keeps one statement per id.
          const owner = statementOwners.get(st.id)
          const id =
            owner === undefined || owner === member.id
              ? st.id
              : uuidv5(`${origin}/xapi/statements/${member.id}/${st.id}`, NAMESPACE_URL)
          statementOwners.set(id, member.id)
          out.push(id === st.id ? st : { ...st, id })
        }
      }
    return out.sort((a, b) =>
      a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : 1,
    )
  }
}
