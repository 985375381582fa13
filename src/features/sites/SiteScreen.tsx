import type { Site } from '../../domain/content/pack.ts'
import { COORDINATE_CONFIDENCE_AIM_M } from '../../domain/content/quality.ts'
import { presenceAt } from '../../domain/records/presence.ts'
import { Localized, useLocalizedString, usePreferences, useStrings } from '../../i18n/i18n.tsx'
import { formatDistance } from '../../ui/Distance.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Markdown } from '../../ui/Markdown.tsx'
import { LessonCardActions } from '../lesson/LessonCardActions.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'

export function SiteScreen({ site }: { site: Site }) {
  const t = useStrings()
  const { prefs } = usePreferences()
  const text = useLocalizedString()
  const content = useContent()
  const heading = useScreenTitle(`${text(site.name)} · ${t.appName}`)
  const routes = content.routesThrough(site.id)
  const lessons = site.lessons.flatMap((id) => content.lesson(id) ?? [])
  const englishHistory = prefs.lang === 'en' && site.historyEn
  const presence = presenceAt(useRecords().progress, site.id)

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        <Localized text={site.name} />
      </h1>
      <dl className="facts">
        <dt>{t.siteRegion}</dt>
        <dd>
          <Localized text={site.region} />
        </dd>
        {site.address && (
          <>
            <dt>{t.siteAddress}</dt>
            <dd>
              <Localized text={site.address} />
            </dd>
          </>
        )}
        {routes.length > 0 && (
          <>
            <dt>{t.partOfRoutes}</dt>
            <dd>
              {routes.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && '、'}
                  <Link to={paths.route(r.id)}>
                    <Localized text={r.title} />
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {site.designations.length > 0 && (
        <ul className="tags">
          {site.designations.map((d) => (
            <li key={d.zh}>
              <Localized text={d} />
            </li>
          ))}
        </ul>
      )}
      <p className="lead">
        <Localized text={site.summary} />
      </p>
      {presence.kind === 'confirmed' && (
        <p className="status-line ok">
          {t.presenceConfirmedOn(formatDateTime(presence.attended.at, prefs.lang))}
        </p>
      )}
      <p className="actions">
        {/* Confirmed by the trainer, the member is here for the lessons: a check-in is optional. */}
        <Link
          to={paths.checkin(site.id)}
          className={presence.kind === 'confirmed' ? 'button-link' : 'button-link primary'}
        >
          {presence.kind === 'checked-in' ? t.checkinAlreadyShort : t.checkinAction}
        </Link>
      </p>
      <p className="meta">{t.checkinRadius(site.checkin.radiusM)}</p>
      {site.locationSource.confidenceM > COORDINATE_CONFIDENCE_AIM_M && (
        <p className="notice">{t.locationUncertain(formatDistance(site.locationSource.confidenceM, t))}</p>
      )}

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t.siteLessons}</h2>
        <ul className="card-list">
          {lessons.map((lesson) => (
            <li key={lesson.id} className="card">
              <h3>
                <Localized text={lesson.title} />
              </h3>
              <p className="meta">
                {t.lessonMinutes(lesson.durationMin)} · {t.lessonQuestions(lesson.quiz.questions.length)}
                {lesson.modes.includes('remote') && ` · ${t.lessonRemote}`}
              </p>
              <LessonCardActions lesson={lesson} />
              <h4>{t.lessonObjectives}</h4>
              <ul>
                {lesson.objectives.map((o) => (
                  <li key={o.zh}>
                    <Localized text={o} />
                  </li>
                ))}
              </ul>
              <h4>{t.lessonKeyFacts}</h4>
              <ul>
                {lesson.keyFacts.map((f) => (
                  <li key={f.zh}>
                    <Localized text={f} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="story-heading">
        <h2 id="story-heading">{t.siteStory}</h2>
        {englishHistory ? (
          <Markdown source={englishHistory} lang="en" dropHeading="History" />
        ) : (
          <Markdown source={site.history} lang="zh-CN" dropHeading="历史沿革" />
        )}
      </section>
    </>
  )
}
