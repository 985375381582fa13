import { attestationOf } from '../classes/attestation-reading.ts'
import type { LocalizedText } from '../content/schema.ts'
import type { AnyRecord } from '../records/record.ts'
import { NAMESPACE_URL, uuidv5 } from './uuidv5.ts'

/**
 * A class's records as xAPI 1.0.3 statements (the archive's `.xapi.json`), for a learning record
 * store. Pure: the same records, class and origin always give the same statements, so a
 * re-export can be sent again and an LRS recognises every statement by its id.
 *
 * - id: the record's id (a UUIDv7, a valid RFC 9562 UUID);
 * - actor: an Agent identified by an account on this server (homePage = the server's origin,
 *   name = the user id), with the display name;
 * - verb (ADL vocabulary): attended (check-in, trainer attestation), completed (lesson),
 *   passed / failed (quiz after the lesson), answered (pre-test, which has no pass mark),
 *   commented (reflection);
 * - object: an Activity under <origin>/xapi/activities/ (sites/<id>, lessons/<id>,
 *   lessons/<id>/quiz), named in zh-CN and, when the content has it, en-US;
 * - context: registration = a UUIDv5 of the class's activity IRI (stable per class and
 *   server), grouping = the class and its route, parent = the lesson of a quiz, platform,
 *   language; the server's verification flags as an extension;
 * - timestamp: when the record happened (device time corrected by its known clock offset).
 * `stored` and `authority` are the LRS's to set and are left out.
 */

export const XAPI_VERSION = '1.0.3'
export const PLATFORM = '红途 Hongtu'

export type LanguageMap = Record<string, string>

export interface XapiActivity {
  readonly objectType: 'Activity'
  readonly id: string
  readonly definition: { readonly name: LanguageMap; readonly type: string }
}

export interface XapiStatement {
  readonly id: string
  readonly version: string
  readonly actor: {
    readonly objectType: 'Agent'
    readonly name: string
    readonly account: { readonly homePage: string; readonly name: string }
  }
  readonly verb: { readonly id: string; readonly display: LanguageMap }
  readonly object: XapiActivity
  readonly result?: {
    readonly score?: {
      readonly scaled: number
      readonly raw?: number
      readonly min?: number
      readonly max?: number
    }
    readonly success?: boolean
    readonly completion?: boolean
    readonly response?: string
    readonly extensions?: Record<string, unknown>
  }
  readonly context: {
    readonly registration: string
    readonly contextActivities: { readonly grouping: XapiActivity[]; readonly parent?: XapiActivity[] }
    readonly platform: string
    readonly language: string
    readonly extensions?: Record<string, unknown>
  }
  readonly timestamp: string
}

const ADL = 'http://adlnet.gov/expapi'
export const VERBS = {
  attended: { id: `${ADL}/verbs/attended`, display: { 'zh-CN': '出席', 'en-US': 'attended' } },
  completed: { id: `${ADL}/verbs/completed`, display: { 'zh-CN': '完成', 'en-US': 'completed' } },
  passed: { id: `${ADL}/verbs/passed`, display: { 'zh-CN': '通过', 'en-US': 'passed' } },
  failed: { id: `${ADL}/verbs/failed`, display: { 'zh-CN': '未通过', 'en-US': 'failed' } },
  answered: { id: `${ADL}/verbs/answered`, display: { 'zh-CN': '作答', 'en-US': 'answered' } },
  commented: { id: `${ADL}/verbs/commented`, display: { 'zh-CN': '撰写心得', 'en-US': 'commented' } },
} as const

const TYPES = {
  /** A place visited (Activity Streams, as used in the xAPI registry). */
  site: 'http://activitystrea.ms/schema/1.0/place',
  lesson: `${ADL}/activities/lesson`,
  assessment: `${ADL}/activities/assessment`,
  course: `${ADL}/activities/course`,
  module: `${ADL}/activities/module`,
}

/** Names of the things statements point at; an id missing here is named by itself. */
export interface XapiNames {
  readonly sites: ReadonlyMap<string, LocalizedText>
  readonly lessons: ReadonlyMap<string, LocalizedText>
  readonly routes: ReadonlyMap<string, LocalizedText>
}

export interface XapiClass {
  readonly id: string
  readonly name: string
  readonly routeId: string | null
}

export interface XapiRecord {
  readonly record: AnyRecord
  readonly flags: readonly string[]
  /** The record's corrected time (server/sync: occurred_at_corrected), ISO 8601. */
  readonly correctedAt: string
}

export interface XapiInput {
  /** The server's public origin, e.g. https://hongtu.example.cn (no trailing slash). */
  readonly origin: string
  readonly class: XapiClass
  readonly member: { readonly id: string; readonly displayName: string }
  readonly names: XapiNames
  readonly records: readonly XapiRecord[]
}

const languageMap = (t: LocalizedText | undefined, fallback: string): LanguageMap =>
  t ? { 'zh-CN': t.zh, ...(t.en ? { 'en-US': t.en } : {}) } : { 'zh-CN': fallback }

const segment = (id: string) => encodeURIComponent(id)

/** The IRIs this server mints for its activities and extensions. */
export function xapiIris(origin: string) {
  const base = `${origin}/xapi`
  return {
    site: (id: string) => `${base}/activities/sites/${segment(id)}`,
    lesson: (id: string) => `${base}/activities/lessons/${segment(id)}`,
    quiz: (lessonId: string) => `${base}/activities/lessons/${segment(lessonId)}/quiz`,
    class: (id: string) => `${base}/activities/classes/${segment(id)}`,
    route: (id: string) => `${base}/activities/routes/${segment(id)}`,
    flags: `${base}/extensions/flags`,
    checkinMethod: `${base}/extensions/checkin-method`,
    checkinVerdict: `${base}/extensions/checkin-verdict`,
    learningMode: `${base}/extensions/learning-mode`,
    attestedBy: `${base}/extensions/attested-by`,
  }
}

/** The class's registration: the same UUID for every statement of the class, every export. */
export function classRegistration(origin: string, classId: string): string {
  return uuidv5(xapiIris(origin).class(classId), NAMESPACE_URL)
}

export function statementsOf(input: XapiInput): XapiStatement[] {
  const iri = xapiIris(input.origin)
  const { names } = input
  const activity = (id: string, name: LanguageMap, type: string): XapiActivity => ({
    objectType: 'Activity',
    id,
    definition: { name, type },
  })
  const site = (id: string) => activity(iri.site(id), languageMap(names.sites.get(id), id), TYPES.site)
  const lesson = (id: string) =>
    activity(iri.lesson(id), languageMap(names.lessons.get(id), id), TYPES.lesson)
  const quiz = (lessonId: string) => {
    const l = names.lessons.get(lessonId)
    const name = l
      ? { 'zh-CN': `${l.zh} · 测验`, ...(l.en ? { 'en-US': `${l.en}: quiz` } : {}) }
      : { 'zh-CN': `${lessonId} · 测验` }
    return activity(iri.quiz(lessonId), name, TYPES.assessment)
  }
  const cls = input.class
  const grouping = [
    activity(iri.class(cls.id), { 'zh-CN': cls.name }, TYPES.course),
    ...(cls.routeId
      ? [
          activity(
            iri.route(cls.routeId),
            languageMap(names.routes.get(cls.routeId), cls.routeId),
            TYPES.module,
          ),
        ]
      : []),
  ]
  const registration = classRegistration(input.origin, cls.id)

  const statements: XapiStatement[] = []
  for (const { record: r, flags, correctedAt } of [...input.records].sort(byTimeThenId)) {
    const mapped = mapRecord(r, flags)
    if (!mapped) continue
    statements.push({
      id: r.id,
      version: XAPI_VERSION,
      actor: {
        objectType: 'Agent',
        name: input.member.displayName,
        account: { homePage: input.origin, name: input.member.id },
      },
      verb: mapped.verb,
      object: mapped.object,
      ...(mapped.result ? { result: mapped.result } : {}),
      context: {
        registration,
        contextActivities: { grouping, ...(mapped.parent ? { parent: [mapped.parent] } : {}) },
        platform: PLATFORM,
        language: 'zh-CN',
        ...(flags.length > 0 ? { extensions: { [iri.flags]: [...flags] } } : {}),
      },
      timestamp: new Date(correctedAt).toISOString(),
    })
  }
  return statements

  function mapRecord(
    r: AnyRecord,
    flags: readonly string[],
  ):
    | {
        verb: XapiStatement['verb']
        object: XapiActivity
        result?: XapiStatement['result']
        parent?: XapiActivity
      }
    | undefined {
    switch (r.kind) {
      case 'checkin':
        return {
          verb: VERBS.attended,
          object: site(r.payload.siteId),
          result: {
            extensions: { [iri.checkinMethod]: r.payload.method, [iri.checkinVerdict]: r.payload.verdict },
          },
        }
      case 'lesson.completed':
        return {
          verb: VERBS.completed,
          object: lesson(r.payload.lessonId),
          result: {
            completion: true,
            ...(r.payload.score !== undefined ? { score: { scaled: r.payload.score } } : {}),
            extensions: { [iri.learningMode]: r.payload.mode },
          },
        }
      case 'quiz.submitted': {
        // A pre-test (课前测) has no pass mark: it was answered, neither passed nor failed.
        const pre = (r.payload as { phase?: unknown }).phase === 'pre'
        const { correct, total } = r.payload
        return {
          verb: pre ? VERBS.answered : r.payload.passed ? VERBS.passed : VERBS.failed,
          object: quiz(r.payload.lessonId),
          parent: lesson(r.payload.lessonId),
          result: {
            score: { scaled: correct / total, raw: correct, min: 0, max: total },
            ...(pre ? {} : { success: r.payload.passed }),
            completion: true,
            extensions: { [iri.learningMode]: r.payload.mode },
          },
        }
      }
      case 'reflection': {
        const { lessonId, siteId, text } = r.payload
        const about = lessonId ? lesson(lessonId) : siteId ? site(siteId) : grouping[0]
        return about ? { verb: VERBS.commented, object: about, result: { response: text } } : undefined
      }
      default: {
        const a = attestationOf({ record: r, flags }, cls.id)
        if (!a) return undefined
        return {
          verb: VERBS.attended,
          object: a.siteId !== null ? site(a.siteId) : lesson(a.lessonId ?? ''),
          ...(a.trainerId ? { result: { extensions: { [iri.attestedBy]: a.trainerId } } } : {}),
        }
      }
    }
  }
}

const byTimeThenId = (a: XapiRecord, b: XapiRecord) =>
  a.correctedAt < b.correctedAt ? -1 : a.correctedAt > b.correctedAt ? 1 : a.record.id < b.record.id ? -1 : 1
