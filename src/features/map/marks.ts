/**
 * A User Timing mark at the page's first route-map `idle` (everything drawn, nothing loading).
 * The bench times a warm start by it (bench/warm-start.ts); it costs the member nothing.
 */
export const MAP_IDLE_MARK = 'hongtu:map-idle'
