import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const VIRTUAL = '\0gql-document:';

/**
 * Production builds only: replaces each `graphql(\`…\`)` call with the document codegen already
 * emitted in `src/gql/graphql.ts` (`<Operation>Document` / `<Fragment>FragmentDoc`), like the
 * client preset's Babel/SWC plugin does. The `graphql()` lookup function holds a map of every
 * document of the app, and a bundler places a module in one chunk, so without this the entry
 * carries every page's documents. Here each document becomes its own small module, which lands
 * in the chunk of the page that uses it.
 *
 * A call whose document has no name is left alone (codegen would not have emitted it either).
 */
export function graphqlDocumentsPlugin(documentsModule: string): Plugin {
  const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const DEFINITION = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/;
  const EXPORT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/;
  let documents: Map<string, string> | null = null;

  /** `export const XDocument = {…} as unknown as DocumentNode<…>;`, one per line, by export name. */
  const readDocuments = () => {
    if (documents) return documents;
    documents = new Map();
    for (const line of readFileSync(documentsModule, 'utf8').split('\n')) {
      const match = EXPORT.exec(line);
      if (match?.[1] && match[2]) documents.set(match[1], match[2]);
    }
    return documents;
  };

  return {
    name: 'marketplace:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = null;
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const name = id.slice(VIRTUAL.length);
      const document = readDocuments().get(name);
      if (!document) this.error(`${name} is not in ${documentsModule}: run codegen`);
      return `export default ${document};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const imports = new Map<string, string>();
      const replaced = code.replace(CALL, (call, document: string) => {
        const match = DEFINITION.exec(document);
        if (!match) return call;
        const [, kind, name] = match;
        const exported = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        const local = `__gqlDocument_${name}`;
        imports.set(local, exported);
        // Same number of lines, so the rest of the file keeps its source positions.
        return local + '\n'.repeat(call.split('\n').length - 1);
      });
      if (imports.size === 0) return null;
      const statements = [...imports]
        .map(([local, exported]) => `import ${local} from ${JSON.stringify(VIRTUAL + exported)};`)
        .join(' ');
      return { code: `${statements} ${replaced}`, map: null };
    },
  };
}
