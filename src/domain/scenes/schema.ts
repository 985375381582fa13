import { z } from 'zod'
import { LessonIdSchema, LocalizedTextSchema, SiteIdSchema } from '../content/schema.ts'
import { CONTENT_ID_PATTERN } from '../ids.ts'

/**
 * Schemas of the VR scene files, `scenes/<id>/scene.yaml` (DESIGN.md "VR classroom").
 * Strict like routes-data: a misspelt field fails the build. Units are in the field names:
 * positions in metres (x east, y up, z south: three.js' right-handed frame), angles in degrees.
 *
 * Yaw is measured from straight ahead (−z) turning right (clockwise seen from above); pitch is
 * up from the horizon. So `yawDeg: 90` is to the viewer's right and `pitchDeg: 10` slightly up.
 */

const sceneId = z
  .string()
  .regex(CONTENT_ID_PATTERN, { error: 'is not a kebab-case id (a-z, 0-9 and single hyphens)' })
const hotspotId = z.string().regex(/^[a-z0-9-]+$/, { error: 'is not a hotspot id (a-z, 0-9, -)' })

/** A file shipped under public/xr/ (served from our own origin, never a CDN). */
const xrAsset = (ext: RegExp, what: string) =>
  z
    .string()
    .regex(/^xr\/[A-Za-z0-9_./-]+$/, { error: 'is not a path under public/xr/ (xr/…)' })
    .refine((s) => !s.includes('..'), { error: 'must not contain ..' })
    .refine((s) => ext.test(s), { error: `is not ${what}` })

/** Metres, within a generous scene extent so a typo (1500 for 15.00) is caught. */
const metres = z.number().min(-500, { error: 'is more than 500 m from the origin' }).max(500, {
  error: 'is more than 500 m from the origin',
})
const position = z.tuple([metres, metres, metres])
const yawDeg = z.number().min(-180).max(180)
const pitchDeg = z.number().min(-90).max(90)

export const NarrationAudioSchema = z.strictObject({
  src: xrAsset(/\.(mp3|m4a|ogg|opus|wav)$/, 'an audio file (.mp3, .m4a, .ogg, .opus, .wav)'),
  /** Who speaks and where the recording comes from, shown beside the play button. */
  credit: LocalizedTextSchema,
})

const hotspotBase = {
  id: hotspotId,
  title: LocalizedTextSchema,
  /** The narration as text: always shown, also when there is audio (it is the transcript). */
  body: LocalizedTextSchema,
  audio: NarrationAudioSchema.optional(),
}

/** A hotspot in a modelled scene: a marker at a point in the scene, in metres. */
export const ModelHotspotSchema = z.strictObject({ ...hotspotBase, position })
/** A hotspot in a panorama: a direction from the camera, in degrees. */
export const PanoramaHotspotSchema = z.strictObject({
  ...hotspotBase,
  yawDeg,
  pitchDeg,
})

export const SpawnSchema = z.strictObject({
  /** Where the member's feet are, metres. */
  position,
  /** Which way they face at the start (see the yaw convention above). */
  yawDeg,
})

export const PanoramaSchema = z.strictObject({
  src: xrAsset(/\.(jpe?g|webp|png)$/, 'an image (.jpg, .webp, .png)'),
  /** Equirectangular: width = 2 × height. At most 4096 px wide (notes/performance.md: Pico caps at 4096²). */
  widthPx: z.number().int().min(512).max(4096, { error: 'is wider than 4096 px (the panorama budget)' }),
  heightPx: z.number().int().min(256).max(2048),
  /** Who made the image; a generated image must say so. */
  credit: LocalizedTextSchema,
  /** True for a computed image (not a photograph), shown as such to members. */
  generated: z.boolean(),
})

/** The party-oath ceremony (重温入党誓词): its text is split into lines at the commas. */
export const OathCeremonySchema = z.strictObject({
  kind: z.literal('oath'),
  text: LocalizedTextSchema,
  /** Where the text is from, shown under it. */
  source: LocalizedTextSchema,
})

/** What a completed scene is recorded as when it has no lesson in routes-data. */
export const StandaloneCompletionSchema = z.strictObject({
  lessonId: z.string().regex(CONTENT_ID_PATTERN, { error: 'is not a kebab-case id' }),
  siteId: z.string().regex(CONTENT_ID_PATTERN, { error: 'is not a kebab-case id' }),
})

const sceneBase = {
  id: sceneId,
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  /** The lesson in routes-data/lessons whose quiz is taken in the scene and completed by it. */
  lesson: LessonIdSchema.optional(),
  /** The site the lesson is taught at; checked against the lesson. */
  site: SiteIdSchema.optional(),
  standaloneCompletion: StandaloneCompletionSchema.optional(),
  ceremony: OathCeremonySchema.optional(),
  spawn: SpawnSchema,
  /** What the scene shows that is a reconstruction or simplification, said plainly. */
  fidelityNote: LocalizedTextSchema,
}

export const ModelSceneSchema = z.strictObject({
  ...sceneBase,
  kind: z.literal('model'),
  hotspots: z.array(ModelHotspotSchema).min(1),
})

export const PanoramaSceneSchema = z.strictObject({
  ...sceneBase,
  kind: z.literal('panorama'),
  panorama: PanoramaSchema,
  hotspots: z.array(PanoramaHotspotSchema).min(1),
})

export const SceneFileSchema = z
  .discriminatedUnion('kind', [ModelSceneSchema, PanoramaSceneSchema], {
    error: 'is not a scene kind (model, panorama)',
  })
  .superRefine((scene, ctx) => {
    const ids = scene.hotspots.map((h) => h.id)
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['hotspots', i, 'id'],
          input: id,
          message: 'is a duplicate hotspot id',
        })
    })
    const hasLesson = scene.lesson !== undefined
    const hasStandalone = scene.standaloneCompletion !== undefined
    if (hasLesson === hasStandalone)
      ctx.addIssue({
        code: 'custom',
        path: hasLesson ? ['standaloneCompletion'] : ['lesson'],
        input: hasLesson ? scene.standaloneCompletion : undefined,
        message: hasLesson
          ? 'must be left out when the scene has a lesson (the lesson is what completes)'
          : 'is missing: a scene needs a lesson or a standaloneCompletion',
      })
    if (hasLesson && scene.site === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['site'],
        input: undefined,
        message: 'is missing (required with lesson)',
      })
    if (scene.kind === 'panorama' && scene.panorama.widthPx !== 2 * scene.panorama.heightPx)
      ctx.addIssue({
        code: 'custom',
        path: ['panorama', 'heightPx'],
        input: scene.panorama.heightPx,
        message: 'is not half the width (an equirectangular image is 2:1)',
      })
  })

export type SceneFile = z.infer<typeof SceneFileSchema>
export type ModelScene = z.infer<typeof ModelSceneSchema>
export type PanoramaScene = z.infer<typeof PanoramaSceneSchema>
export type ModelHotspot = z.infer<typeof ModelHotspotSchema>
export type PanoramaHotspot = z.infer<typeof PanoramaHotspotSchema>
export type SceneHotspot = ModelHotspot | PanoramaHotspot
export type NarrationAudio = z.infer<typeof NarrationAudioSchema>
