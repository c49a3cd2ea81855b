/** RingSizing bounds an {@link EventRing}: its capacity moves between `min` and `max`. */
export interface RingSizing {
  readonly min: number;
  readonly max: number;
  /** Events younger than this are never evicted while the ring can still grow (milliseconds). */
  readonly freshMs: number;
}

/**
 * EventRing keeps the most recent events in revision order, with the sizing rule of Kubernetes'
 * watch cache: when full, it doubles (up to `max`) rather than evict an event younger than
 * `freshMs`; when full and even its newest quarter is older than `freshMs`, it halves (down to
 * `min`); otherwise it evicts the oldest event.
 */
export class EventRing<E extends { readonly revision: number; readonly recordedAt: number }> {
  readonly #sizing: RingSizing;
  #buffer: (E | undefined)[];
  #start = 0;
  #size = 0;

  constructor(sizing: RingSizing) {
    this.#sizing = sizing;
    this.#buffer = new Array<E | undefined>(sizing.min);
  }

  /** length is how many events the ring holds. */
  get length(): number {
    return this.#size;
  }

  /** capacity is how many events the ring holds before it grows or evicts. */
  get capacity(): number {
    return this.#buffer.length;
  }

  /** oldest returns the oldest event held, or undefined when empty. */
  oldest(): E | undefined {
    return this.#size === 0 ? undefined : this.#at(0);
  }

  /**
   * push appends `event` (its revision above every held one) and tells whether older events were
   * dropped to make room.
   */
  push(event: E): boolean {
    let dropped = this.#size === this.capacity && this.#resize(event.recordedAt);
    if (this.#size === this.capacity) {
      dropped = true;
      this.#buffer[this.#start] = undefined;
      this.#start = (this.#start + 1) % this.capacity;
      this.#size--;
    }
    this.#buffer[(this.#start + this.#size) % this.capacity] = event;
    this.#size++;
    return dropped;
  }

  /** after returns the held events with a revision above `revision`, oldest first. */
  after(revision: number): E[] {
    let lo = 0;
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#at(mid).revision > revision) hi = mid;
      else lo = mid + 1;
    }
    const out: E[] = [];
    for (let i = lo; i < this.#size; i++) out.push(this.#at(i));
    return out;
  }

  /** clear drops every event and returns to the minimum capacity. */
  clear(): void {
    this.#buffer = new Array<E | undefined>(this.#sizing.min);
    this.#start = 0;
    this.#size = 0;
  }

  #at(index: number): E {
    return this.#buffer[(this.#start + index) % this.capacity]!;
  }

  /** resize grows or shrinks a full ring by the sizing rule and tells whether events were dropped. */
  #resize(now: number): boolean {
    const { min, max, freshMs } = this.#sizing;
    if (now - this.#at(0).recordedAt < freshMs) {
      return this.capacity < max && this.#copyTo(Math.min(this.capacity * 2, max));
    }
    const newestQuarter = this.#at(this.#size - Math.max(1, Math.floor(this.capacity / 4)));
    return (
      now - newestQuarter.recordedAt > freshMs &&
      this.capacity > min &&
      this.#copyTo(Math.max(Math.floor(this.capacity / 2), min))
    );
  }

  /** copyTo moves the newest events (as many as fit) into a buffer of `capacity` and tells whether any were dropped. */
  #copyTo(capacity: number): boolean {
    const keep = Math.min(this.#size, capacity);
    const dropped = keep < this.#size;
    const buffer = new Array<E | undefined>(capacity);
    for (let i = 0; i < keep; i++) buffer[i] = this.#at(this.#size - keep + i);
    this.#buffer = buffer;
    this.#start = 0;
    this.#size = keep;
    return dropped;
  }
}
