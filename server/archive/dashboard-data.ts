import type { XapiNames, XapiRecord } from '../../src/domain/archive/xapi.ts'
import {
  buildClassDashboard,
  type ClassDashboard,
  type DashboardMember,
  type DashboardRecord,
} from '../../src/domain/classes/dashboard.ts'
import type { LocalizedText } from '../../src/domain/content/schema.ts'
import { membersOf, sceneIdsOf } from '../classes/class-view.ts'
import { classScope } from '../classes/routes.ts'
import { sceneCatalog } from '../classes/scene-catalog.ts'
import type { AppServices } from '../context.ts'
import type { ClassesTable } from '../db/tables.ts'
import { recordOfRow } from '../sync/record-rows.ts'

/**
 * What an archive export is made of: a class's dashboard, built by the very function the
 * trainer's screen uses (buildClassDashboard) from the same inputs the screen gets — the class,
 * its roster, and its records as GET /api/classes/:id/records returns them (accepted and held,
 * never deleted). `onlyMemberId` narrows both to one member, for a member's own archive; a
 * dashboard row depends on that member's records alone, so the row is the same.
 */
export interface ClassArchiveData {
  readonly dashboard: ClassDashboard
  readonly members: readonly DashboardMember[]
  /** The accepted records, with their corrected time, for the xAPI statements. */
  readonly accepted: readonly XapiRecord[]
}

export async function classArchiveData(
  s: AppServices,
  cls: ClassesTable,
  onlyMemberId?: string,
): Promise<ClassArchiveData> {
  const members: DashboardMember[] = (await membersOf(s.db, cls.id))
    .filter((m) => onlyMemberId === undefined || m.id === onlyMemberId)
    .map((m) => ({
      id: m.id,
      displayName: m.displayName,
      memberNumber: m.memberNumber,
      branchId: m.branch?.id ?? null,
      branchName: m.branch?.name ?? null,
    }))
  let query = s.db.selectFrom('records').selectAll().where('status', '!=', 'deleted').where(classScope(cls))
  if (onlyMemberId !== undefined) query = query.where('member_id', '=', onlyMemberId)
  const rows = await query.orderBy('server_seq').execute()
  const records: DashboardRecord[] = rows.map((r) => ({
    record: recordOfRow(r),
    flags: JSON.parse(r.flags) as string[],
    status: r.status === 'held' ? 'held' : 'accepted',
  }))
  const dashboard = buildClassDashboard({
    content: s.content,
    scenes: sceneCatalog(s.config.projectRoot),
    class: {
      id: cls.id,
      name: cls.name,
      routeId: cls.route_id,
      sceneIds: sceneIdsOf(cls),
      startsOn: cls.starts_on,
      endsOn: cls.ends_on,
    },
    members,
    records,
  })
  const accepted = rows.flatMap((r, i) =>
    r.status === 'accepted' && records[i]
      ? [{ record: records[i].record, flags: records[i].flags, correctedAt: r.occurred_at_corrected }]
      : [],
  )
  return { dashboard, members, accepted }
}

/** Names of sites, lessons (also the lessons standalone VR scenes record) and routes, for xAPI. */
export function xapiNames(s: AppServices): XapiNames {
  const lessons = new Map<string, LocalizedText>(s.content.lessons.map((l) => [l.id, l.title]))
  for (const scene of sceneCatalog(s.config.projectRoot))
    if (scene.standaloneCompletion && !lessons.has(scene.standaloneCompletion.lessonId))
      lessons.set(scene.standaloneCompletion.lessonId, scene.title)
  return {
    sites: new Map(s.content.sites.map((site) => [site.id, site.name])),
    lessons,
    routes: new Map(s.content.routes.map((r) => [r.id, r.title])),
  }
}
