/** Branded ids: a SiteId can never be passed where a RouteId is expected. */

declare const idBrand: unique symbol
type Id<B extends string> = string & { readonly [idBrand]: B }

export type SiteId = Id<'SiteId'>
export type RouteId = Id<'RouteId'>
export type LessonId = Id<'LessonId'>
export type QuestionId = Id<'QuestionId'>
export type ChoiceId = Id<'ChoiceId'>

/** Content ids are kebab-case ASCII (usually pinyin), so they are safe in file names and URLs. */
export const CONTENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
