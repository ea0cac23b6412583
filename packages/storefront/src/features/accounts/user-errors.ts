/** What every userError of the API has (each mutation has its own `code` enum). */
export type UserErrorLike = {
  readonly code: string;
  readonly field?: readonly string[] | null;
  readonly message: string;
  readonly retryAfterSeconds?: number | null;
};

/**
 * Sorts a mutation's userErrors onto the form: an error whose field path ends in one of the
 * form's field names goes next to that field (the first one per field wins); the rest are shown
 * above the form.
 */
export function splitUserErrors<E extends UserErrorLike, F extends string>(
  errors: readonly E[],
  fields: readonly F[],
): { byField: Partial<Record<F, E>>; general: E[] } {
  const byField: Partial<Record<F, E>> = {};
  const general: E[] = [];
  for (const error of errors) {
    const name = error.field?.at(-1);
    const field = fields.find((f) => f === name);
    if (field && !byField[field]) byField[field] = error;
    else if (!field) general.push(error);
  }
  return { byField, general };
}
