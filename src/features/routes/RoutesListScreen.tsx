import { routeMetrics } from '../../domain/content/route-metrics.ts'
import { Localized, useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { formatDistance } from '../../ui/Distance.tsx'
import { PasswordGivenGate } from '../account/PasswordGivenGate.tsx'
import { useContent } from '../shell/content-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { stopsWithSites } from './stops.ts'

export function RoutesListScreen() {
  const t = useStrings()
  const content = useContent()
  const heading = useScreenTitle(`${t.routesTitle} · ${t.appName}`)
  const text = useLocalizedString()
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.routesTitle}
      </h1>
      <PasswordGivenGate />
      <p className="lead">{t.routesIntro}</p>
      <ul className="card-list" aria-label={t.routesTitle}>
        {content.pack.routes.map((route) => {
          const stops = stopsWithSites(route, content)
          const metrics = routeMetrics(stops.map((s) => ({ site: s.site.id, location: s.site.location })))
          return (
            <li key={route.id} className="card">
              <h2>
                <Link to={paths.route(route.id)}>
                  <Localized text={route.title} />
                </Link>
              </h2>
              <p className="meta">
                <Localized text={route.region} /> · {t.routeDays(route.days)} ·{' '}
                {t.routeStops(route.stops.length)} ·{' '}
                {t.routeLength(formatDistance(metrics.totalStraightM, t))}
              </p>
              <p>
                <Localized text={route.summary} />
              </p>
              <p className="stops-preview" aria-hidden="true">
                {stops.map((s) => text(s.site.name)).join(' → ')}
              </p>
            </li>
          )
        })}
      </ul>
    </>
  )
}
