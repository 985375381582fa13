import { toWgs84 } from '../geo/datum.ts'
import type { Datum, LngLat } from '../geo/types.ts'
import type { LessonId, RouteId, SiteId } from '../ids.ts'
import { positionalReferences } from '../lesson/positional-wording.ts'
import { passingPattern } from '../lesson/quiz-patterns.ts'
import { type ContentIssue, issuesFromZod } from './errors.ts'
import { COORDINATE_CONFIDENCE_AIM_M } from './quality.ts'
import {
  type KeyFile,
  KeyFileSchema,
  type LessonFile,
  LessonFileSchema,
  type RouteFile,
  RouteFileSchema,
  type SiteFrontMatter,
  SiteFrontMatterSchema,
  SiteHistorySchema,
} from './schema.ts'

/** A site as the app and the server use it: location always WGS84, history from the file body. */
export interface Site extends Omit<SiteFrontMatter, 'location' | 'datum'> {
  readonly location: LngLat
  /** The datum the file was written in; `location` has been converted from it. */
  readonly sourceDatum: Datum
  /** Chinese Markdown. */
  readonly history: string
}
export type Lesson = LessonFile
export type Route = RouteFile
/** A trusted public key for site QR codes (routes-data/keys/<kid>.json). */
export type SiteKey = KeyFile

export interface ContentBody {
  readonly routes: readonly Route[]
  readonly sites: readonly Site[]
  readonly lessons: readonly Lesson[]
  /** The QR key ring, sorted by kid. */
  readonly keys: readonly SiteKey[]
}

/** The validated content the app ships; `version` is a hash of it (DESIGN.md: contentVersion). */
export interface ContentPack extends ContentBody {
  readonly version: string
}

/** One content file after its text has been parsed (YAML or front matter), before validation. */
export interface RawContentFile {
  readonly file: string
  readonly kind: 'site' | 'lesson' | 'route' | 'key'
  readonly data: unknown
  /** The Markdown body, for sites. */
  readonly body?: string
}

export interface PackOptions {
  /** Whether a media path (`media/…`) exists under public/. */
  readonly mediaExists: (src: string) => boolean
}

const baseName = (file: string) => (file.split('/').pop() ?? file).replace(/\.(md|ya?ml|json)$/, '')

/** True when a key file carries a private key part; its value must never be echoed. */
const hasPrivatePart = (data: unknown) => {
  const publicKey = (data as { publicKey?: unknown } | null)?.publicKey
  return typeof publicKey === 'object' && publicKey !== null && 'd' in publicKey
}

/**
 * Validates every file and their cross-references, and assembles the content. Returns every
 * issue found rather than stopping at the first, so an author fixes a file in one pass.
 * `body` is undefined when there is any error.
 */
export function buildContent(
  files: readonly RawContentFile[],
  options: PackOptions,
): { body?: ContentBody; issues: ContentIssue[] } {
  const issues: ContentIssue[] = []
  const err = (file: string, path: string, value: unknown, rule: string) =>
    issues.push({ file, path, value, rule, severity: 'error' })
  const warn = (file: string, path: string, value: unknown, rule: string) =>
    issues.push({ file, path, value, rule, severity: 'warning' })
  const notice = (file: string, path: string, value: unknown, rule: string) =>
    issues.push({ file, path, value, rule, severity: 'notice' })

  const sites = new Map<SiteId, { file: string; site: Site }>()
  const lessons = new Map<LessonId, { file: string; lesson: Lesson }>()
  const routes = new Map<RouteId, { file: string; route: Route }>()
  const keys = new Map<string, SiteKey>()

  for (const raw of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    if (raw.kind === 'site') {
      const fm = SiteFrontMatterSchema.safeParse(raw.data)
      const history = SiteHistorySchema.safeParse(raw.body ?? '')
      if (!fm.success) issues.push(...issuesFromZod(raw.file, raw.data, fm.error))
      if (!history.success)
        err(raw.file, '(body)', undefined, history.error.issues[0]?.message ?? 'is invalid')
      if (!fm.success || !history.success) continue
      const { location, datum, ...rest } = fm.data
      const site: Site = {
        ...rest,
        location: toWgs84(location, datum),
        sourceDatum: datum,
        history: history.data,
      }
      if (!checkId(raw.file, site.id, sites.has(site.id))) continue
      // Honest uncertainty is allowed (the app then leans on the QR fallback), but it is reported.
      if (site.locationSource.confidenceM > COORDINATE_CONFIDENCE_AIM_M)
        notice(
          raw.file,
          'locationSource.confidenceM',
          site.locationSource.confidenceM,
          `is above the ${COORDINATE_CONFIDENCE_AIM_M} m aim: check the coordinates against a better source`,
        )
      sites.set(site.id, { file: raw.file, site })
    } else if (raw.kind === 'lesson') {
      const parsed = LessonFileSchema.safeParse(raw.data)
      if (!parsed.success) {
        issues.push(...issuesFromZod(raw.file, raw.data, parsed.error))
        continue
      }
      if (!checkId(raw.file, parsed.data.id, lessons.has(parsed.data.id))) continue
      lessons.set(parsed.data.id, { file: raw.file, lesson: parsed.data })
    } else if (raw.kind === 'key') {
      if (hasPrivatePart(raw.data)) {
        err(
          raw.file,
          'publicKey.d',
          undefined,
          'is a PRIVATE key part: remove the file, keep private keys in data/keys/ only, and make a new key pair (npm run qr:keygen)',
        )
        continue
      }
      const parsed = KeyFileSchema.safeParse(raw.data)
      if (!parsed.success) {
        issues.push(...issuesFromZod(raw.file, raw.data, parsed.error))
        continue
      }
      if (!checkId(raw.file, parsed.data.kid, keys.has(parsed.data.kid), 'kid')) continue
      keys.set(parsed.data.kid, parsed.data)
    } else {
      const parsed = RouteFileSchema.safeParse(raw.data)
      if (!parsed.success) {
        issues.push(...issuesFromZod(raw.file, raw.data, parsed.error))
        continue
      }
      if (!checkId(raw.file, parsed.data.id, routes.has(parsed.data.id))) continue
      routes.set(parsed.data.id, { file: raw.file, route: parsed.data })
    }
  }

  function checkId(file: string, id: string, taken: boolean, field = 'id'): boolean {
    if (taken) {
      err(file, field, id, `is a duplicate ${field}: another file of this kind already uses it`)
      return false
    }
    if (baseName(file) !== id) err(file, field, id, `does not match the file name (${baseName(file)})`)
    return true
  }

  for (const { file, site } of sites.values()) {
    site.lessons.forEach((lessonId, i) => {
      const found = lessons.get(lessonId)
      if (!found) err(file, `lessons[${i}]`, lessonId, 'names no lesson in routes-data/lessons/')
      else if (found.lesson.site !== site.id)
        err(file, `lessons[${i}]`, lessonId, `is a lesson of another site (${found.lesson.site})`)
    })
  }
  for (const { file, lesson } of lessons.values()) {
    const site = sites.get(lesson.site)
    if (!site) err(file, 'site', lesson.site, 'names no site in routes-data/sites/')
    else if (!site.site.lessons.includes(lesson.id))
      warn(file, 'site', lesson.site, `does not list this lesson in its lessons, so no one will find it`)
    lesson.steps.forEach((step, i) => {
      if ((step.kind === 'image' || step.kind === 'audio') && !options.mediaExists(step.src))
        err(file, `steps[${i}].src`, step.src, 'names no file under public/')
    })
    for (const ref of positionalReferences(lesson.quiz))
      err(
        file,
        `quiz.${ref.path}`,
        ref.phrase,
        'points at choices by their place, but the app shuffles them on every attempt: name the choices themselves',
      )
    const pattern = passingPattern(lesson.quiz)
    if (pattern)
      warn(
        file,
        'quiz.questions',
        `always ${pattern.letter}, always ${pattern.truth ? '正确' : '错误'}`,
        `passes without reading the questions (${pattern.correct} of ${pattern.total} right): make some true/false answers the other way, or add choice questions`,
      )
  }
  for (const { file, route } of routes.values()) {
    route.stops.forEach((stop, i) => {
      if (!sites.has(stop.site))
        err(file, `stops[${i}].site`, stop.site, 'names no site in routes-data/sites/')
    })
  }

  if (issues.some((i) => i.severity === 'error')) return { issues }
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id)
  return {
    issues,
    body: {
      routes: [...routes.values()].map((r) => r.route).sort(byId),
      sites: [...sites.values()].map((s) => s.site).sort(byId),
      lessons: [...lessons.values()].map((l) => l.lesson).sort(byId),
      keys: [...keys.values()].sort((a, b) => a.kid.localeCompare(b.kid)),
    },
  }
}
