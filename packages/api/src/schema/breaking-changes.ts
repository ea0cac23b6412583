// Breaking-change check of the public schema (issue 7): the schema the code builds is compared with
// schema.released.graphql (the schema of the last release) by @graphql-inspector/core; every BREAKING change
// must be listed, with a reason, in schema-changes.intended.json. See docs/api.md ("Schema changes").
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { z } from 'zod';

export const RELEASED_SCHEMA_FILE = fileURLToPath(new URL('../../schema.released.graphql', import.meta.url));
export const INTENDED_CHANGES_FILE = fileURLToPath(
  new URL('../../schema-changes.intended.json', import.meta.url),
);

const intendedSchema = z.object({
  changes: z.array(
    z.object({
      /** The change's path as graphql-inspector reports it, e.g. `Query.products` or `Product.title.locale`. */
      path: z.string().min(1),
      /** graphql-inspector's change type, e.g. FIELD_REMOVED (optional: any type at that path). */
      type: z.string().min(1).optional(),
      reason: z.string().min(10),
    }),
  ),
});

export interface UnintendedChange {
  type: string;
  path: string;
  message: string;
}

/** The BREAKING changes from the released schema to `current` that the allow-list does not mark as intended. */
export async function unintendedBreakingChanges(current: GraphQLSchema): Promise<UnintendedChange[]> {
  const released = buildSchema(await readFile(RELEASED_SCHEMA_FILE, 'utf8'));
  const intended = intendedSchema.parse(JSON.parse(await readFile(INTENDED_CHANGES_FILE, 'utf8'))).changes;
  const changes = await diff(released, current);
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .filter((c) => !intended.some((i) => i.path === c.path && (!i.type || i.type === c.type)))
    .map((c) => ({ type: c.type, path: c.path ?? '', message: c.message }));
}
