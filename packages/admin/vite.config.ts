import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { securityHeadersPlugin } from '../../vite.security-headers.js';

const apiUrl = process.env.API_URL ?? 'http://localhost:4000';

// The SPA talks to the API on its own origin so the HttpOnly session cookie is first-party.
const proxy = {
  '/graphql': { target: apiUrl, changeOrigin: true },
  '/media': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  // CSP and friends on the dev and preview servers (a nonce per page in development).
  plugins: [react(), securityHeadersPlugin()],
  server: {
    port: Number(process.env.ADMIN_PORT ?? 5174),
    strictPort: true,
    proxy,
  },
  preview: {
    port: Number(process.env.ADMIN_PORT ?? 5174),
    strictPort: true,
    proxy,
  },
});
