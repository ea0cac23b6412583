// Writes the GraphQL schema to packages/api/schema.graphql (committed), or with --check
// fails when the committed file differs from what the code builds (stale schema).
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../graphql/schema.js';
import { unintendedBreakingChanges } from './breaking-changes.js';

const file = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const header = '# Generated from the API code by `pnpm schema`. Do not edit by hand.\n\n';
const sdl = `${header + printSchema(lexicographicSortSchema(await createSchema()))}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== sdl) {
    console.error('packages/api/schema.graphql is stale: run `pnpm schema` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
  const breaking = await unintendedBreakingChanges(await createSchema());
  if (breaking.length > 0) {
    console.error(
      `Breaking changes against schema.released.graphql not listed in schema-changes.intended.json:\n${breaking
        .map((c) => `  ${c.type} ${c.path}: ${c.message}`)
        .join('\n')}`,
    );
    process.exit(1);
  }
  console.log('no unintended breaking change against schema.released.graphql');
} else {
  await writeFile(file, sdl);
  console.log(`wrote ${file}`);
}
