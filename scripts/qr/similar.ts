/** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    prev = row
  }
  return prev[b.length] ?? 0
}

/**
 * The ids most like `wanted`, for "did you mean" messages: those containing it or contained
 * in it first, then by edit distance, keeping those within half the length of the input.
 */
export function similarIds(wanted: string, ids: readonly string[], max = 5): string[] {
  const scored = ids.map((id) => ({
    id,
    score: id.includes(wanted) || wanted.includes(id) ? 0 : editDistance(wanted, id),
  }))
  const limit = Math.max(2, Math.ceil(wanted.length / 2))
  return scored
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((s) => s.id)
}
