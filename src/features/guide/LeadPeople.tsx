import { hasFollowed } from '../../domain/guide/presence.ts'
import type { ClassGuideState } from './guide-controller.ts'
import type { LeadClass } from './lead-class.ts'
import { useGuideStrings } from './strings.ts'

/** The class's members: connected or not, and whether their screen follows the current command. */
export function LeadPeople({ cls, state }: { cls: LeadClass; state: ClassGuideState | undefined }) {
  const t = useGuideStrings()
  const presence = new Map((state?.presence ?? []).map((p) => [p.userId, p]))
  const seq = state?.active.seq ?? 0
  const memberIds = new Set(cls.members.map((m) => m.id))
  // Leaders connected to the class (other trainers, an admin) are listed after the members.
  const others = (state?.presence ?? []).filter((p) => !memberIds.has(p.userId))
  return (
    <section aria-labelledby="lead-people-title">
      <h2 id="lead-people-title">{t.sectionPeople}</h2>
      <ul className="lead-people" data-testid="lead-people">
        {cls.members.map((m) => {
          const p = presence.get(m.id)
          const followed = p ? hasFollowed(p, seq) : false
          return (
            <li key={m.id} data-testid={`lead-person-${m.id}`}>
              <span className="lead-person-name">{m.displayName}</span>
              <span className={p ? 'lead-on' : 'lead-off'} data-connected={p ? 'true' : 'false'}>
                {p ? `● ${t.connected}` : `○ ${t.notConnected}`}
              </span>
              {seq > 0 && (
                <span data-followed={followed ? 'true' : 'false'}>
                  {followed ? `✓ ${t.followed}` : t.notFollowed}
                </span>
              )}
            </li>
          )
        })}
        {others.map((p) => (
          <li key={p.userId}>
            <span className="lead-person-name">{p.displayName}</span>
            <span className="lead-on">● {p.role === 'lead' ? t.trainerTag : t.connected}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
