/**
 * One key per press of the Pay button: the API charges once per key, so a double click, a retry
 * after a lost answer, or two tabs sending the same request never pay twice.
 * The API accepts 8–100 characters of [A-Za-z0-9_-].
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The key of the current pay attempt. It is kept until the API gives a definite answer, so a
 * request whose answer was lost (network error) is retried with the same key and cannot charge
 * twice; once answered, the next press starts a new attempt with a new key.
 */
export class AttemptKey {
  private current: string | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  /** The key to send now: the unanswered attempt's, or a new one. */
  take(): string {
    this.current ??= this.generate();
    return this.current;
  }

  /** The API answered (paid, refused or asked for more): the next press is a new attempt. */
  settle(): void {
    this.current = null;
  }
}
