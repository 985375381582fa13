import { useMemo } from 'react'
import { buildClassDashboard, type ClassDashboard } from '../../domain/classes/dashboard.ts'
import { useContent } from '../shell/content-context.tsx'
import { sceneData } from './ClassFacts.tsx'
import type { FeedState } from './class-feed.ts'

/**
 * The class's dashboard from the feed's data (`all`), and the same for the members of one
 * branch (`shown`; branch undefined: everyone, null: members without a branch). The figures
 * come from the one pure function the server's exports use too.
 */
export function useDashboard(
  state: FeedState,
  branch?: string | null,
): { all: ClassDashboard; shown: ClassDashboard } | null {
  const content = useContent()
  const detail = state.status === 'ready' ? state.snapshot.detail : null
  const records = state.status === 'ready' ? state.snapshot.records : null
  return useMemo(() => {
    if (!detail || !records) return null
    const build = (members: typeof detail.members) =>
      buildClassDashboard({
        content: content.pack,
        scenes: sceneData(),
        class: {
          id: detail.class.id,
          name: detail.class.name,
          routeId: detail.class.routeId,
          sceneIds: detail.class.sceneIds,
          startsOn: detail.class.startsOn,
          endsOn: detail.class.endsOn,
        },
        members,
        records,
      })
    const all = build(detail.members)
    const shown = branch === undefined ? all : build(detail.members.filter((m) => m.branchId === branch))
    return { all, shown }
  }, [detail, records, content.pack, branch])
}
