import type { ContentPack } from '../../src/domain/content/pack.ts'
import type { ClassCatalog, GuideScene } from '../../src/domain/guide/validate.ts'
import { splitOathLines } from '../../src/domain/scenes/oath.ts'
import type { SceneFile } from '../../src/domain/scenes/schema.ts'
import { sceneIdsOf } from '../classes/class-view.ts'
import type { ClassesTable } from '../db/tables.ts'

/** What guided-mode commands are checked against: the content pack and the VR scenes. */
export class GuideContent {
  private readonly lessonIds: ReadonlySet<string>
  private readonly scenes: ReadonlyMap<string, GuideScene>

  constructor(
    private readonly pack: ContentPack,
    scenes: readonly SceneFile[],
  ) {
    this.lessonIds = new Set(pack.lessons.map((l) => l.id as string))
    this.scenes = new Map(
      scenes.map((s) => [
        s.id,
        {
          id: s.id,
          hotspotIds: s.hotspots.map((h) => h.id),
          oathLines: s.ceremony ? splitOathLines(s.ceremony.text.zh).length : 0,
        },
      ]),
    )
  }

  catalogOf(cls: Pick<ClassesTable, 'route_id' | 'scene_ids'>): ClassCatalog {
    const route = cls.route_id ? this.pack.routes.find((r) => r.id === cls.route_id) : undefined
    return {
      stops: route ? route.stops.map((s) => s.site as string) : [],
      lessonIds: this.lessonIds,
      scenes: this.scenes,
      // None listed: no VR commands, as its dashboard has no VR columns.
      classSceneIds: sceneIdsOf(cls),
    }
  }
}
