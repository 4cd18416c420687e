import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// In development (`vite --config renderer/vite.config.ts`) the API and the socket go to a running core,
// e.g. LIVEDESK_CORE=http://127.0.0.1:7420.
const core = process.env['LIVEDESK_CORE'] ?? 'http://127.0.0.1:7420';

export default defineConfig({
  root,
  // Chunks reference each other relatively (they find the app root from their own URL, see
  // src/lib/app-root.ts); only the HTML entry tags are root-absolute, because the pages are served at
  // client routes of any depth (/review/:id, /overlay/card) where "./assets/…" would miss.
  base: './',
  experimental: {
    renderBuiltUrl: (filename, { hostType }) => (hostType === 'html' ? `/${filename}` : { relative: true }),
  },
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer/', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        overlay: fileURLToPath(new URL('./overlay.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': core,
      '/ws': { target: core.replace(/^http/, 'ws'), ws: true },
    },
  },
});
