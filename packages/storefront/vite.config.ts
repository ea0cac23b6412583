import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';
import { graphqlDocumentsPlugin } from './src/build/graphql-documents-plugin.js';
import { securityHeadersPlugin } from '../../vite.security-headers.js';

// The API serves GraphQL and product media; proxying both keeps the SPA same-origin in development
// and preview, so cookies and relative media URLs work exactly as they will behind one host.
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';
// The card gateway's hosted field is the only page the storefront frames (CSP frame-src).
const cardFieldOrigin = new URL(process.env.CARD_API_URL ?? 'http://localhost:4010').origin;
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiUrl, changeOrigin: true },
  '/media': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [
    react(),
    graphqlDocumentsPlugin(fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url))),
    // CSP and friends on the dev and preview servers (a nonce per page in development).
    securityHeadersPlugin({ frameSrc: [cardFieldOrigin] }),
  ],
  resolve: {
    // rxjs (under Apollo Client) ships an ES2015 build beside the default ES5 one: smaller, and
    // without tslib's helpers.
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: {
    port: Number(process.env.STOREFRONT_PORT ?? 5173),
    strictPort: true,
    proxy,
  },
  preview: {
    port: Number(process.env.STOREFRONT_PREVIEW_PORT ?? 4173),
    proxy,
  },
  build: {
    target: 'es2023',
    sourcemap: true,
    // Lists every chunk with its imports; the first-load budget test reads it.
    manifest: true,
    rolldownOptions: {
      output: {
        // Pages are split by their lazy routes. Libraries get their own long-cached chunks, so a
        // storefront release only changes the small app chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|optimism|@wry|tslib|ts-invariant)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
