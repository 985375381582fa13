/**
 * Autosaves one draft (notes/reliability.md P2): every change is written, either at once (a quiz
 * answer) or after a short pause in typing (a reflection), and `flush` forces the pending
 * change out (on blur, on the page being hidden, before a submit).
 *
 * Writes run one at a time and coalesce: while one is in flight only the latest change waits,
 * so an older value can never land after a newer one, and fast typing costs few writes. The
 * status says "saved" only when no change is left unwritten. No DOM or storage in here: the
 * write is passed in, which keeps this testable with fake timers.
 */

export type DraftStatus =
  | { readonly kind: 'idle' }
  /** Changes not yet durable. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly error: unknown }

/** Writes a draft value, or removes the draft when the value is null; resolves once durable. */
export type DraftWrite<T> = (value: T | null) => Promise<void>

export class DraftSaver<T> {
  private pending: { readonly value: T | null } | null = null
  private running: Promise<void> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly write: DraftWrite<T>,
    private readonly onStatus: (status: DraftStatus) => void,
    /** Pause after the last change before writing, in ms; 0 writes every change at once. */
    private readonly debounceMs = 0,
  ) {}

  /** Records a new value (null: there is no draft any more) and schedules its write. */
  change(value: T | null): void {
    this.pending = { value }
    this.onStatus({ kind: 'pending' })
    this.clearTimer()
    if (this.debounceMs === 0) void this.flush()
    else this.timer = setTimeout(() => void this.flush(), this.debounceMs)
  }

  /** Whether some change is not yet durable. */
  get dirty(): boolean {
    return this.pending !== null || this.running !== null
  }

  /**
   * Writes the pending change now. Resolves when every change made before the call has been
   * written or has failed (the status says which); it never rejects.
   */
  async flush(): Promise<void> {
    this.clearTimer()
    while (this.running || this.pending) {
      if (this.running) {
        await this.running
        continue
      }
      const { value } = this.pending as { value: T | null }
      this.pending = null
      this.running = this.write(value)
        .then(
          () => {
            if (!this.pending) this.onStatus({ kind: 'saved' })
          },
          // The value stays on screen; the next change writes the whole current value again.
          (error: unknown) => this.onStatus({ kind: 'failed', error }),
        )
        .finally(() => {
          this.running = null
        })
    }
  }

  /** Stops the debounce timer; what is pending is written at once (used when the screen goes away). */
  dispose(): void {
    if (this.pending) void this.flush()
    this.clearTimer()
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
