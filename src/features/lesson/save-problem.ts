import { StorageFullError } from '../../platform/storage/errors.ts'
import type { SaveProblem } from './quiz-flow.ts'

/** What to tell the member about a failed write: a full disk has its own advice (P9). */
export function saveProblemOf(error: unknown): SaveProblem {
  return error instanceof StorageFullError ? 'storage-full' : 'failed'
}
