import { StorageFullError } from '../../platform/storage/errors.ts'
import type { SaveProblem } from './quiz-flow.ts'

/** What to tell the member about a failed write: a full disk has its own advice (P9). */
export function saveProblemOf(error: unknown): SaveProblem {
  return error instanceof StorageFullError ? 'storage-full' : 'failed'
}

/**
 * The one problem to tell under a form whose autosaved draft and whose submit both failed (a
 * full disk fails both): shown twice, the same alert was read out twice. A full disk's advice
 * is the one that helps, whichever of the two it came from.
 */
export function oneSaveProblem(draft: SaveProblem | null, submit: SaveProblem | null): SaveProblem | null {
  return draft === 'storage-full' || submit === 'storage-full' ? 'storage-full' : (draft ?? submit)
}
