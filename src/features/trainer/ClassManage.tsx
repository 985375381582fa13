import { AddTrainees } from './AddTrainees.tsx'
import { ClassEditForm } from './ClassEditForm.tsx'
import { ClassTrainers } from './ClassTrainers.tsx'
import type { ClassChangeProps } from './class-manage.ts'
import { RemoveTrainee } from './RemoveTrainee.tsx'
import { useTrainerStrings } from './strings.ts'

/**
 * "Manage the class" on its dashboard, for its trainers and admins (the server allows them,
 * server/classes/roster-routes.ts and manage-routes.ts): add trainees, remove one added by
 * mistake, change who trains it, change the name and dates. Every change needs the server; offline the controls stay
 * visible but off, and say why. After a change the dashboard reads the class again (`onChanged`).
 */
export function ClassManage({ detail, online, onChanged, userId }: ClassChangeProps & { userId: string }) {
  const s = useTrainerStrings()
  if (detail.class.relation === 'member') return null
  return (
    <section
      aria-labelledby="class-manage-title"
      className="class-tools class-manage"
      data-testid="class-manage"
    >
      <h2 id="class-manage-title">{s.manageTitle}</h2>
      <p className="hint">{s.manageIntro}</p>
      {!online && (
        <p className="status-line warn" role="status">
          {s.manageOffline}
        </p>
      )}
      <AddTrainees detail={detail} online={online} onChanged={onChanged} />
      <RemoveTrainee
        classId={detail.class.id}
        members={detail.members}
        online={online}
        onChanged={onChanged}
      />
      <ClassTrainers detail={detail} online={online} onChanged={onChanged} userId={userId} />
      <ClassEditForm cls={detail.class} online={online} onChanged={onChanged} />
    </section>
  )
}
