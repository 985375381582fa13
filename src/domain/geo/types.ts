/** Units and coordinates. Longitude first, as in GeoJSON. Coordinates are WGS84 unless the type says otherwise. */

declare const brand: unique symbol
type Brand<T, B extends string> = T & { readonly [brand]: B }

/** A length in metres. */
export type Meters = Brand<number, 'Meters'>
/** An angle in decimal degrees. */
export type Degrees = Brand<number, 'Degrees'>

export const meters = (n: number) => n as Meters
export const degrees = (n: number) => n as Degrees

/** A WGS84 position, longitude first (GeoJSON order). */
export interface LngLat {
  readonly lng: number
  readonly lat: number
}

/** The datums content may be written in; everything is stored and compared in WGS84. */
export type Datum = 'wgs84' | 'gcj02' | 'bd09'

export function isLatitude(v: number): boolean {
  return Number.isFinite(v) && v >= -90 && v <= 90
}

export function isLongitude(v: number): boolean {
  return Number.isFinite(v) && v >= -180 && v <= 180
}
