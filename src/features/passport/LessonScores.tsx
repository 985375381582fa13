import { Localized, useStrings } from '../../i18n/i18n.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

export function LessonScores() {
  const t = useStrings()
  const content = useContent()
  const { progress } = useRecords()
  const lessons = [...progress.lessons.values()].flatMap((p) => {
    const lesson = content.lesson(p.lessonId)
    return lesson ? [{ p, lesson }] : []
  })
  return (
    <section aria-labelledby="passport-lessons">
      <h2 id="passport-lessons">{t.passportLessons}</h2>
      {lessons.length === 0 ? (
        <p>{t.passportNoLessons}</p>
      ) : (
        <ul className="stamp-list">
          {lessons.map(({ p, lesson }) => (
            <li key={lesson.id} className={p.completed ? 'stamped' : undefined}>
              <Link to={paths.lesson(lesson.id)}>
                <Localized text={lesson.title} />
              </Link>{' '}
              <span className="meta">
                {p.completed
                  ? t.passportLessonDone(
                      p.bestScore === undefined ? '—' : `${Math.round(p.bestScore * 100)}%`,
                    )
                  : t.passportLessonInProgress}
                {p.attempts > 0 && ` · ${t.passportLessonAttempts(p.attempts)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
