// Bundles the declarations tsc wrote to dist/types/ into dist/index.d.ts, with the server's
// router type (`ClientRouter` of the private @tessera/api) inlined: the published client's types
// then import only its own dependencies, which an integrator's install brings along.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const here = new URL('.', import.meta.url);
const path = (relative: string): string => fileURLToPath(new URL(relative, here));
const manifest = JSON.parse(readFileSync(new URL('package.json', here), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const dependencies = Object.keys(manifest.dependencies ?? {});

const bundle = await rollup({
  input: path('dist/types/index.d.ts'),
  plugins: [
    dts({
      tsconfig: path('tsconfig.build.json'),
      includeExternal: ['@tessera/api'],
      sourcemap: true,
    }),
  ],
  onwarn: (warning) => {
    throw new Error(`bundling the client's types: ${warning.message}`);
  },
});
const { output } = await bundle.write({
  file: path('dist/index.d.ts'),
  format: 'es',
  sourcemap: true,
});
await bundle.close();

// A declaration importing anything else would reach for a package the integrator lacks, and its
// types would quietly turn to `any`: the build stops instead.
const [chunk] = output;
const strays = [...new Set(chunk.imports.concat(chunk.dynamicImports))].filter(
  (name) =>
    !dependencies.some((dependency) => name === dependency || name.startsWith(`${dependency}/`)),
);
if (strays.length > 0) {
  throw new Error(
    `dist/index.d.ts imports ${strays.join(', ')}, which @tessera/client does not depend on: ` +
      'inline it (includeExternal in bundle-types.ts) or add it to "dependencies"',
  );
}
