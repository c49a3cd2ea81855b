/**
 * RetentionWindow decides how far automatic compaction may go: it remembers which revision was
 * current at which time, and names the newest revision that is both at least `retainMs` old
 * and at least `retainRevisions` below the current one. History newer than either bound is
 * never offered for compaction.
 */
export class RetentionWindow {
  private readonly samples: { at: number; revision: number }[] = [];
  /** The newest revision that was current at least `retainMs` ago. */
  private aged = 0;

  constructor(
    private readonly retainMs: number,
    private readonly retainRevisions: number,
  ) {}

  /**
   * observe records that `revision` is current at time `at` (milliseconds, never decreasing
   * between calls) and returns the revision to compact to, or 0 when nothing may be compacted.
   */
  observe(at: number, revision: number): number {
    this.samples.push({ at, revision });
    // Samples that have left the window are candidates; only the newest of them matters.
    while (this.samples.length > 0 && this.samples[0]!.at <= at - this.retainMs) {
      this.aged = this.samples.shift()!.revision;
    }
    return Math.max(0, Math.min(this.aged, revision - this.retainRevisions));
  }
}
