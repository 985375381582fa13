import { presenceAt, presentAt } from '../../domain/records/presence.ts'
import { Localized, usePreferences } from '../../i18n/i18n.tsx'
import { formatDate } from '../../ui/format.ts'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { usePassportStrings } from './strings.ts'

export function RouteStamps() {
  const { t, prefs } = usePreferences()
  const ps = usePassportStrings()
  const content = useContent()
  const { progress } = useRecords()
  return (
    <section aria-labelledby="passport-routes">
      <h2 id="passport-routes">{ps.passportRoutes}</h2>
      <ul className="card-list">
        {content.pack.routes.map((route) => {
          // Present at a stop: checked in there, or the trainer confirmed it (when GPS and the
          // plaque both failed, the trainer's presence code is how a member shows they were there).
          const present = route.stops.filter((s) => presentAt(progress, s.site)).length
          return (
            <li key={route.id} className="card">
              <h3>
                <Link to={paths.route(route.id)}>
                  <Localized text={route.title} />
                </Link>
              </h3>
              <p className="meta">
                <span className="stamp-meter">
                  <meter min={0} max={route.stops.length} value={present} aria-hidden="true" />
                </span>{' '}
                {ps.passportStamps(present, route.stops.length)}
              </p>
              <ol className="stamp-list">
                {route.stops.map((stop) => {
                  const site = content.site(stop.site)
                  const presence = presenceAt(progress, stop.site)
                  if (!site) return null
                  return (
                    <li key={stop.site} className={presence.kind === 'absent' ? undefined : 'stamped'}>
                      <Link to={paths.site(site.id)}>
                        <Localized text={site.name} />
                      </Link>{' '}
                      <span className="meta">
                        {presence.kind === 'checked-in'
                          ? `✓ ${formatDate(presence.stamp.at, prefs.lang)} · ${presence.stamp.method === 'gps' ? t.methodGps : t.methodQr}`
                          : presence.kind === 'confirmed'
                            ? `✓ ${formatDate(presence.attended.at, prefs.lang)} · ${ps.passportAttended}`
                            : ps.passportNotStamped}
                      </span>
                    </li>
                  )
                })}
              </ol>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
