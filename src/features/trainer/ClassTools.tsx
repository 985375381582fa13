import { Link, paths } from '../shell/router.tsx'
import { useTrainerStrings } from './strings.ts'

/** The class's other screens: presence code, lead mode, learning effect (other features build them). */
export function ClassTools({ classId }: { classId: string }) {
  const s = useTrainerStrings()
  return (
    <nav aria-label={s.classTools} className="class-tools">
      <p className="actions">
        <Link to={paths.trainerAttest(classId)} className="button-link primary">
          {s.attestQr}
        </Link>
        <Link to={paths.trainerLead(classId)} className="button-link">
          {s.leadMode}
        </Link>
        <Link to={paths.trainerEffect(classId)} className="button-link">
          {s.learningEffect}
        </Link>
      </p>
    </nav>
  )
}

/**
 * The archive (学员档案: attendance, scores, reflections) as the server exports it: a class's, or
 * one member's across the classes this trainer trains them in.
 */
export function ClassExports({
  classId,
  memberId,
  online,
}: {
  classId: string
  memberId?: string
  online: boolean
}) {
  const s = useTrainerStrings()
  const base = memberId
    ? `/api/members/${encodeURIComponent(memberId)}`
    : `/api/classes/${encodeURIComponent(classId)}`
  const archive = (ext: string) => `${base}/archive.${ext}`
  return (
    <section aria-labelledby="exports-title" className="class-tools">
      <h2 id="exports-title">{memberId ? s.memberExports : s.exports}</h2>
      {online ? (
        <p className="actions">
          <a className="button-link" href={archive('csv')} download>
            {s.exportCsv}
          </a>
          <a className="button-link" href={archive('xlsx')} download>
            {s.exportXlsx}
          </a>
          <a className="button-link" href={archive('xapi.json')} download>
            {s.exportXapi}
          </a>
        </p>
      ) : (
        <p className="hint">{s.exportsOffline}</p>
      )}
    </section>
  )
}
