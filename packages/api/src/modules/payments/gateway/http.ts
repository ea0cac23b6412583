/** A provider's JSON answer, or why there is none. */
export type HttpResult =
  | { ok: true; status: number; body: Record<string, unknown> }
  | { ok: false; status: number; body: Record<string, unknown> }
  | { ok: false; status: 0; error: string };

/**
 * One JSON request to a payment provider with a hard timeout. Never throws: a network failure or
 * a timeout is `status: 0` (outcome unknown). Bodies are not logged by design — they may carry tokens.
 */
export async function requestJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<HttpResult> {
  try {
    const res = await fetch(url, {
      method: init.method,
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
      redirect: 'error',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    if (text) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          body = parsed as Record<string, unknown>;
      } catch {
        body = {};
      }
    }
    return res.ok ? { ok: true, status: res.status, body } : { ok: false, status: res.status, body };
  } catch (error) {
    const e = error as Error;
    const message = e.name === 'TimeoutError' ? `timed out after ${init.timeoutMs} ms` : e.message;
    return { ok: false, status: 0, error: message };
  }
}

/** Whether an HTTP failure leaves the outcome unknown (retry later) rather than a clear refusal. */
export function isTransient(result: HttpResult): boolean {
  return !result.ok && (result.status === 0 || result.status === 429 || result.status >= 500);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
