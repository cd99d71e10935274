import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { tesseraPlugins } from './vite/tessera-plugins.ts';

// Workspace packages are bundled from their TypeScript sources (the `@tessera/source` export
// condition), not from their built `dist`: the planner then builds, runs `vite dev` and hot-reloads
// edits to core or scenarios without building those packages first, and can never ship a stale
// `dist`. Worker bundles resolve the same way.
const SOURCE = '@tessera/source';

export default defineConfig({
  plugins: [
    sveltekit({
      // A single-page app: the API server serves build/ and answers every other path with
      // index.html, which boots the client-side router.
      adapter: adapter({ fallback: 'index.html', strict: true }),
    }),
    tesseraPlugins(),
  ],
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  // Kit also builds a server bundle (it renders the fallback page with it): the workspace
  // packages are bundled there too, from source, rather than left for Node to load.
  ssr: {
    noExternal: [/^@tessera\//],
    resolve: { conditions: [SOURCE, ...defaultServerConditions], externalConditions: [SOURCE] },
  },
  // The project config's strategy plugins, bundled into the scenario worker (see the plugin).
  worker: { format: 'es', plugins: () => [tesseraPlugins()] },
  server: {
    // `vite dev` beside a running API (`pnpm start`): the app calls /trpc and /api on its own
    // origin, so the session cookie and CSRF checks work as they do when the API serves the build.
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/api': 'http://127.0.0.1:3000',
    },
  },
  build: { target: 'es2023' },
});
