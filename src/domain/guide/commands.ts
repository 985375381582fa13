import { z } from 'zod'
import { CONTENT_ID_PATTERN } from '../ids.ts'

/**
 * Guided mode (带教): what a trainer's tablet tells the phones and headsets of a class. A
 * command says where everyone should be; the server stamps it into a {@link CommandEvent} (id,
 * per-class sequence number, server time, who issued it) and fans it out to the class.
 *
 * Ids are kebab-case content ids (routes-data, scenes), at most 80 characters, so that an
 * event always fits a PostgreSQL NOTIFY payload (8000 bytes) with room to spare.
 */
const ID_MAX = 80
const contentId = z
  .string()
  .max(ID_MAX)
  .regex(CONTENT_ID_PATTERN, { error: 'is not a content id (a-z, 0-9 and single hyphens)' })
const hotspotId = z
  .string()
  .max(ID_MAX)
  .regex(/^[a-z0-9-]+$/, { error: 'is not a hotspot id (a-z, 0-9, -)' })

export const GuideCommandSchema = z.discriminatedUnion(
  'type',
  [
    /** Everyone to a stop of the class's route ("请到第 3 站集合"). */
    z.strictObject({ type: z.literal('gather'), siteId: contentId }),
    z.strictObject({ type: z.literal('start-lesson'), lessonId: contentId }),
    z.strictObject({ type: z.literal('show-quiz'), lessonId: contentId }),
    /** The guided session is over; members go on on their own. */
    z.strictObject({ type: z.literal('end') }),
    // The VR center: one tablet drives every headset of the class.
    z.strictObject({ type: z.literal('vr-scene'), sceneId: contentId }),
    /** Highlights a hotspot and its narration; never moves anyone's camera (comfort). */
    z.strictObject({ type: z.literal('vr-look'), sceneId: contentId, hotspotId }),
    z.strictObject({ type: z.literal('vr-pause'), paused: z.boolean() }),
    z.strictObject({ type: z.literal('vr-oath-start'), sceneId: contentId }),
    /**
     * The trainer leads the oath line by line: show lines 1..line. Absolute rather than "next",
     * so a headset that joins late (or reconnects) shows the same line as everyone else.
     */
    z.strictObject({
      type: z.literal('vr-oath-line'),
      sceneId: contentId,
      line: z.number().int().min(1).max(200),
    }),
  ],
  { error: 'is not a guided-mode command' },
)
export type GuideCommand = z.infer<typeof GuideCommandSchema>
export type GuideCommandType = GuideCommand['type']

export const GUIDE_COMMAND_TYPES: readonly GuideCommandType[] = [
  'gather',
  'start-lesson',
  'show-quiz',
  'end',
  'vr-scene',
  'vr-look',
  'vr-pause',
  'vr-oath-start',
  'vr-oath-line',
]

export const IssuerSchema = z.strictObject({
  id: z.string().min(1).max(ID_MAX),
  displayName: z.string().max(ID_MAX),
})

/** A command as the server issued it; `seq` grows by one per class, across server processes. */
export const CommandEventSchema = z.strictObject({
  id: z.string().min(1).max(ID_MAX),
  classId: z.string().min(1).max(ID_MAX),
  seq: z.number().int().min(1),
  /** Server time, ISO 8601 UTC. */
  at: z.string().max(40),
  issuer: IssuerSchema,
  command: GuideCommandSchema,
})
export type CommandEvent = z.infer<typeof CommandEventSchema>

/** The scene a VR command is about; undefined for the field commands and pause. */
export function sceneOf(command: GuideCommand): string | undefined {
  return 'sceneId' in command ? command.sceneId : undefined
}

export const isVrCommand = (command: GuideCommand) => command.type.startsWith('vr-')
