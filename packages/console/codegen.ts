import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every document in src/**/queries.ts (and src/**/*Queries.ts), from the schema the server commits.
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/queries.ts', 'src/**/*Queries.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Decimal: 'string', DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};
export default config;
