/** Counts per kind, with the first few examples of each kind kept for the report. */
export class Tally {
  readonly counts: Record<string, number> = {}
  readonly samples: Record<string, string[]> = {}

  constructor(private readonly keep = 5) {}

  add(kind: string, detail: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1
    const list = this.samples[kind] ?? []
    if (list.length < this.keep) list.push(detail.slice(0, 300))
    this.samples[kind] = list
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }
}
