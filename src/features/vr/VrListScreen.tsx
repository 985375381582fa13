import { SCENES } from '../../../scenes/registry.ts'
import { Localized } from '../../i18n/i18n.tsx'
import { useContent } from '../shell/content-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { useVrStrings } from './strings.ts'

/** /vr: the scenes of the VR classroom, each with its linked lesson. No 3D code loads here. */
export default function VrListScreen() {
  const t = useVrStrings()
  useScreenTitle(t.listTitle)
  const content = useContent()
  return (
    <>
      <h1>{t.listTitle}</h1>
      <p className="lead">{t.listIntro}</p>
      <ul className="card-list">
        {SCENES.map(({ data }) => {
          const lesson = data.lesson ? content.lesson(data.lesson) : undefined
          return (
            <li key={data.id} className="card">
              <h2>
                <Link to={paths.vrScene(data.id)}>
                  <Localized text={data.title} />
                </Link>
              </h2>
              <p>
                <Localized text={data.summary} />
              </p>
              <p className="meta">
                {lesson ? (
                  <>
                    {t.linkedLesson}
                    <Localized text={lesson.title} />
                  </>
                ) : (
                  t.oathScene
                )}
              </p>
              {data.kind === 'panorama' && data.panorama.generated && (
                <p className="meta">{t.generatedBadge}</p>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
