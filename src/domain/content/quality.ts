/**
 * Content quality thresholds shared by the build and the app. Kept apart from the schemas so the
 * app can read them without bundling the validator.
 */

/** Coordinates less sure than this are allowed but reported: the aim is to be within 200 m. */
export const COORDINATE_CONFIDENCE_AIM_M = 200
