import type { EntityManager } from '@mikro-orm/postgresql';

/** Thrown inside a mutation's transaction to roll everything back and answer with `payload` (userErrors). */
export class Refusal<T> extends Error {
  constructor(readonly payload: T) {
    super('refused');
  }
}

/**
 * One transaction per mutation. A `Refusal` rolls back whatever the use case wrote so far and
 * becomes the mutation's answer, so a refused request changes nothing.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof Refusal) return error.payload as T;
    throw error;
  }
}
