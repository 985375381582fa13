import type { Route, Site } from '../../domain/content/pack.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

export interface StopWithSite {
  readonly number: number
  readonly day: number
  readonly site: Site
  readonly note: Route['stops'][number]['note']
}

/** The route's stops joined with their sites, numbered from 1. Content validation guarantees every site exists. */
export function stopsWithSites(route: Route, content: ContentIndex): StopWithSite[] {
  return route.stops.flatMap((stop, i) => {
    const site = content.site(stop.site)
    return site ? [{ number: i + 1, day: stop.day, site, note: stop.note }] : []
  })
}
