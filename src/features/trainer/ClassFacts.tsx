import { SCENES } from '../../../scenes/registry.ts'
import { Localized, usePreferences } from '../../i18n/i18n.tsx'
import { ListOf } from '../classes/list-format.tsx'
import { useContent } from '../shell/content-context.tsx'
import type { ClassInfo } from './api.ts'
import { useTrainerStrings } from './strings.ts'

/** A class's dates, route and VR scenes, as a definition list. */
export function ClassFacts({ cls }: { cls: ClassInfo }) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const route = cls.routeId ? content.route(cls.routeId) : undefined
  const scenes = cls.sceneIds.flatMap((id) => SCENES.find((e) => e.data.id === id)?.data ?? [])
  return (
    <dl className="facts">
      <dt>{s.classDatesLabel}</dt>
      <dd>{s.classDates(cls.startsOn, cls.endsOn)}</dd>
      {cls.routeId && (
        <>
          <dt>{s.classRoute}</dt>
          <dd>{route ? <Localized text={route.title} /> : cls.routeId}</dd>
        </>
      )}
      {scenes.length > 0 && (
        <>
          <dt>{s.classScenes}</dt>
          <dd>
            <ListOf
              lang={prefs.lang}
              items={scenes.map((scene) => ({ key: scene.id, node: <Localized text={scene.title} /> }))}
            />
          </dd>
        </>
      )}
    </dl>
  )
}

/** The data files of the scenes a class lists (what the dashboard reads of them). */
export const sceneData = () => SCENES.map((e) => e.data)
