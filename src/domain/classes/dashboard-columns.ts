import type { ContentBody } from '../content/pack.ts'
import type { LocalizedText } from '../content/schema.ts'

/**
 * The columns of a class's dashboard: the stops of its route in visiting order, then the lessons
 * it teaches (each stop's lessons in the order its site lists them, then the lessons its VR
 * scenes complete, in the order the class lists its scenes). A lesson taught both at a stop and
 * in a scene is one column, in its stop's place, naming the scenes too.
 */

/** The content a dashboard needs: routes, sites and lessons of the pack. */
export type DashboardContent = Pick<ContentBody, 'routes' | 'sites' | 'lessons'>

/**
 * What a dashboard reads of a VR scene (a `SceneFile` from scenes/ fits): the lesson it completes,
 * or, for a scene with no lesson in routes-data, the lesson id its completion is recorded as.
 */
export interface DashboardScene {
  readonly id: string
  readonly title: LocalizedText
  readonly lesson?: string
  readonly site?: string
  readonly standaloneCompletion?: { readonly lessonId: string; readonly siteId: string }
}

export interface DashboardClass {
  readonly id: string
  readonly name: string
  readonly routeId: string | null
  readonly sceneIds: readonly string[]
  /** YYYY-MM-DD, China Standard Time. */
  readonly startsOn: string
  readonly endsOn: string
}

export interface StopColumn {
  readonly kind: 'stop'
  /** Unique among all columns: `stop:<siteId>`. */
  readonly key: string
  readonly siteId: string
  /** The route's day the stop is visited on (1-based). */
  readonly day: number
  /** The site's name; the site id when the content does not have it. */
  readonly name: LocalizedText
}

export interface LessonColumn {
  readonly kind: 'lesson'
  /** Unique among all columns: `lesson:<lessonId>`. */
  readonly key: string
  readonly lessonId: string
  /** The site the lesson is taught at (for a standalone scene: the site it is recorded at). */
  readonly siteId: string
  readonly title: LocalizedText
  /** The route stop whose lesson it is; null for a lesson only taught in a scene. */
  readonly stopSiteId: string | null
  /** The class's scenes that teach it, in the class's scene order. */
  readonly sceneIds: readonly string[]
  /** False for a standalone scene's completion (no quiz, no lesson file). */
  readonly hasQuiz: boolean
}

export interface DashboardColumns {
  readonly stops: readonly StopColumn[]
  readonly lessons: readonly LessonColumn[]
}

export function dashboardColumns(
  content: DashboardContent,
  scenes: readonly DashboardScene[],
  cls: Pick<DashboardClass, 'routeId' | 'sceneIds'>,
): DashboardColumns {
  const siteOf = new Map(content.sites.map((s) => [s.id as string, s]))
  const lessonOf = new Map(content.lessons.map((l) => [l.id as string, l]))
  const route = cls.routeId === null ? undefined : content.routes.find((r) => r.id === cls.routeId)

  const stops: StopColumn[] = (route?.stops ?? []).map((stop) => ({
    kind: 'stop',
    key: `stop:${stop.site}`,
    siteId: stop.site,
    day: stop.day,
    name: siteOf.get(stop.site)?.name ?? { zh: stop.site },
  }))

  const lessons: { -readonly [K in keyof LessonColumn]: LessonColumn[K] }[] = []
  const byLesson = new Map<string, (typeof lessons)[number]>()
  const add = (column: (typeof lessons)[number]) => {
    byLesson.set(column.lessonId, column)
    lessons.push(column)
  }

  for (const stop of stops) {
    for (const lessonId of siteOf.get(stop.siteId)?.lessons ?? []) {
      const lesson = lessonOf.get(lessonId)
      if (!lesson || byLesson.has(lessonId)) continue
      add({
        kind: 'lesson',
        key: `lesson:${lessonId}`,
        lessonId,
        siteId: lesson.site,
        title: lesson.title,
        stopSiteId: stop.siteId,
        sceneIds: [],
        hasQuiz: true,
      })
    }
  }

  const sceneOf = new Map(scenes.map((s) => [s.id, s]))
  for (const sceneId of cls.sceneIds) {
    const scene = sceneOf.get(sceneId)
    if (!scene) continue
    const lessonId = scene.lesson ?? scene.standaloneCompletion?.lessonId
    if (!lessonId) continue
    const existing = byLesson.get(lessonId)
    if (existing) {
      if (!existing.sceneIds.includes(sceneId)) existing.sceneIds = [...existing.sceneIds, sceneId]
      continue
    }
    const lesson = lessonOf.get(lessonId)
    add({
      kind: 'lesson',
      key: `lesson:${lessonId}`,
      lessonId,
      siteId: lesson?.site ?? scene.site ?? scene.standaloneCompletion?.siteId ?? '',
      // A standalone completion has no lesson file: it is known by its scene's title.
      title: lesson?.title ?? scene.title,
      stopSiteId: null,
      sceneIds: [sceneId],
      hasQuiz: lesson !== undefined,
    })
  }

  return { stops, lessons }
}
