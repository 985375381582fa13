import { useStrings } from '../../i18n/i18n.tsx'
import { PasswordGivenGate } from '../account/PasswordGivenGate.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { useFragmentTarget } from '../shell/use-fragment-target.ts'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { DataStatus } from './DataStatus.tsx'
import { LessonScores } from './LessonScores.tsx'
import { MemberName } from './MemberName.tsx'
import { RouteStamps } from './RouteStamps.tsx'
import { usePassportStrings } from './strings.ts'

/** 红色足迹: the member's own progress, and the plain state of their data on this device. */
export default function PassportScreen() {
  const t = useStrings()
  const ps = usePassportStrings()
  const heading = useScreenTitle(`${ps.passportTitle} · ${t.appName}`)
  // After the title's focus: a link to a section of the passport (the sync badge's) wins.
  useFragmentTarget()
  const { records, session } = useRecords()
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {ps.passportTitle}
      </h1>
      <PasswordGivenGate />
      <p className="lead">{session ? ps.passportIntro : ps.passportIntroLoggedOut}</p>
      <MemberName />
      <RouteStamps />
      <LessonScores />
      <DataStatus />
      <p className="meta">{ps.passportRecords(records.length)}</p>
    </>
  )
}
