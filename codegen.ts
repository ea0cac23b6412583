import type { CodegenConfig } from '@graphql-codegen/cli';

// One schema (committed by the API), one typed-document client per SPA.
// Operations live beside the components that use them; fragment masking is on.
const spa = (name: string): CodegenConfig['generates'][string] => ({
  preset: 'client',
  documents: [`packages/${name}/src/**/*.{ts,tsx}`, `!packages/${name}/src/gql/**`],
  presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', ID: 'string' },
    strictScalars: true,
    avoidOptionals: false,
  },
});

const config: CodegenConfig = {
  schema: 'packages/api/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'packages/storefront/src/gql/': spa('storefront'),
    'packages/admin/src/gql/': spa('admin'),
  },
};

export default config;
