/**
 * Expected failures are data, not exceptions: a use case returns `err(...)` with a typed code the
 * API can turn into a `userErrors` entry. Throwing is reserved for programming errors.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
