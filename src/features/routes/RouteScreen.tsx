import { lazy, Suspense } from 'react'
import type { Route } from '../../domain/content/pack.ts'
import { routeMetrics } from '../../domain/content/route-metrics.ts'
import { Localized, useLocalizedString, useStrings } from '../../i18n/i18n.tsx'
import { formatDistance } from '../../ui/Distance.tsx'
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx'
import { useAfterFirstPaint } from '../../ui/use-after-first-paint.ts'
import { useContent } from '../shell/content-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { RouteOffline } from './RouteOffline.tsx'
import { stopsWithSites } from './stops.ts'

/** Closer than this, a distance reads as a data error ("0 米"): two stops on one site's grounds. */
const BESIDE_M = 50

// The map (maplibre-gl, ~300 KB gzip) loads only on this screen.
const RouteMap = lazy(() => import('../map/RouteMap.tsx'))

export function RouteScreen({ route }: { route: Route }) {
  const t = useStrings()
  const text = useLocalizedString()
  const content = useContent()
  const heading = useScreenTitle(`${text(route.title)} · ${t.appName}`)
  const stops = stopsWithSites(route, content)
  const metrics = routeMetrics(stops.map((s) => ({ site: s.site.id, location: s.site.location })))
  const days = [...new Set(stops.map((s) => s.day))]
  const mapMayStart = useAfterFirstPaint()
  // Until the text is painted, and while the map's code downloads: the same box, no jump.
  const mapPlaceholder = <div className="map-placeholder">{t.mapLoading}</div>

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        <Localized text={route.title} />
      </h1>
      <p className="meta">
        <Localized text={route.region} /> · {t.routeDays(route.days)} · {t.routeStops(stops.length)} ·{' '}
        {t.routeLength(formatDistance(metrics.totalStraightM, t))}
      </p>
      <p className="lead">
        <Localized text={route.summary} />
      </p>

      <section aria-label={t.mapTitle(text(route.title))} className="map-section">
        <ErrorBoundary fallback={<p className="notice">{t.mapFailed}</p>}>
          {mapMayStart ? (
            <Suspense fallback={mapPlaceholder}>
              <RouteMap stops={stops} label={t.mapTitle(text(route.title))} />
            </Suspense>
          ) : (
            mapPlaceholder
          )}
        </ErrorBoundary>
      </section>

      <RouteOffline route={route} />

      <section aria-labelledby="stops-heading">
        <h2 id="stops-heading">{t.stopsTitle}</h2>
        <p className="hint">{t.straightLineNote}</p>
        {days.map((day) => (
          <div key={day}>
            {days.length > 1 && <h3>{t.dayLabel(day)}</h3>}
            <ol className="stop-list">
              {stops
                .filter((s) => s.day === day)
                .map((stop) => {
                  const leg = metrics.legs[stop.number - 2]
                  return (
                    <li key={stop.site.id} value={stop.number} className="stop">
                      <span className="stop-number" aria-hidden="true">
                        {stop.number}
                      </span>
                      <div>
                        <Link to={paths.site(stop.site.id)} className="stop-name">
                          <Localized text={stop.site.name} />
                        </Link>
                        {leg && (
                          <p className="meta">
                            {leg.straightM < BESIDE_M
                              ? t.legBesidePrevious
                              : t.legFromPrevious(formatDistance(leg.straightM, t))}
                          </p>
                        )}
                        {stop.note && (
                          <p>
                            <Localized text={stop.note} />
                          </p>
                        )}
                      </div>
                    </li>
                  )
                })}
            </ol>
          </div>
        ))}
      </section>
    </>
  )
}
