/** A response kept for replay: status and JSON body. */
export interface StoredResponse {
  status: number;
  body: unknown;
  /** Renders the resource's current state for a replay (PayPal answers with the latest status). */
  replay?: () => unknown;
}

interface Entry {
  fingerprint: string;
  /** Settles with the response when it may be replayed, `undefined` when it may not (or threw). */
  settled: Promise<StoredResponse | undefined>;
}

export type IdempotentOutcome =
  | { kind: 'fresh'; response: StoredResponse }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' };

const replayable = (r: StoredResponse): boolean => r.status >= 200 && r.status < 300;

/**
 * Request de-duplication by key (PayPal-Request-Id, Idempotency-Key). The first request with a key
 * runs; requests with the same key that arrive while it runs wait for it, and later ones get its
 * response again. Only successful (2xx) responses are kept: after a validation error or a refusal
 * (e.g. capture before approval) the same key may be used again once the cause is fixed.
 * A different `fingerprint` under the same key is a conflict (the caller decides what to answer).
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async run(key: string, fingerprint: string, fn: () => Promise<StoredResponse>): Promise<IdempotentOutcome> {
    for (;;) {
      const existing = this.entries.get(key);
      if (!existing) break;
      if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
      const response = await existing.settled;
      if (response) return { kind: 'replay', response };
      // The earlier request was not kept (failed or refused): run this one ourselves — unless a
      // concurrent waiter already started again, in which case the loop waits for that one.
    }
    let release!: (r: StoredResponse | undefined) => void;
    const entry: Entry = { fingerprint, settled: new Promise((resolve) => (release = resolve)) };
    this.entries.set(key, entry);
    try {
      const response = await fn();
      if (replayable(response)) {
        release(response);
      } else {
        this.entries.delete(key);
        release(undefined);
      }
      return { kind: 'fresh', response };
    } catch (error) {
      this.entries.delete(key);
      release(undefined);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
