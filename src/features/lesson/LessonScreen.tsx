import type { Lesson } from '../../domain/content/pack.ts'
import { Localized, useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useContent } from '../shell/content-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { LessonBody } from './LessonBody.tsx'
import { useLessonStrings } from './strings.ts'
import { useLessonData } from './useLessonData.ts'
import './lesson.css'

/** The on-site lesson player (现场教学): steps, quiz and reflection of one lesson. */
export default function LessonScreen({ lesson }: { lesson: Lesson }) {
  const s = useLessonStrings()
  const t = useStrings()
  const text = useLocalizedString()
  const site = useContent().site(lesson.site)
  const heading = useScreenTitle(`${text(lesson.title)} · ${t.appName}`)
  const data = useLessonData(lesson)

  return (
    <>
      {site && (
        <p className="lesson-back">
          <Link to={paths.site(site.id)}>
            <span aria-hidden="true">← </span>
            {s.backToSite(text(site.name))}
          </Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        <Localized text={lesson.title} />
      </h1>
      <p className="meta">
        {t.lessonMinutes(lesson.durationMin)} · {t.lessonQuestions(lesson.quiz.questions.length)}
      </p>
      {data.status === 'loading' && <StatusMessage title={s.opening} />}
      {data.status === 'unavailable' && (
        <StatusMessage
          tone="error"
          title={data.reason === 'update' ? s.closedForUpdate : s.recordsUnavailable}
        />
      )}
      {data.status === 'ready' && <LessonBody lesson={lesson} data={data} />}
    </>
  )
}
