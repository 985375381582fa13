import { useEffect, useRef } from 'react'
import { Link, paths } from '../shell/router.tsx'
import type { ApiResult, ClassDetail, RosterUploadResult } from './api.ts'
import { RosterUpload } from './RosterUpload.tsx'
import { useTrainerStrings } from './strings.ts'

/**
 * After a class is created: the way to its dashboard, and the roster file's outcome. The server
 * adds a roster file's members all or none, so after a refusal the trainer fixes the file and
 * sends it again here; the class itself already exists.
 */
export function ClassCreated({
  detail,
  roster,
}: {
  detail: ClassDetail
  roster: ApiResult<RosterUploadResult> | null
}) {
  const s = useTrainerStrings()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="status-line ok" aria-labelledby="class-created">
      <h2 id="class-created" ref={heading} tabIndex={-1}>
        {s.created}
      </h2>
      <p>{detail.class.name}</p>
      {roster && <RosterUpload classId={detail.class.id} initial={roster} offer="after-failure" />}
      <p className="actions">
        <Link to={paths.trainerClass(detail.class.id)} className="button-link primary">
          {s.openDashboard}
        </Link>
      </p>
    </section>
  )
}
