/** Debian's Chromium: no browser download (there is no internet here, nor on CI). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * WebGL on SwiftShader (software), the only GPU there is; the rest keeps Chromium from
 * reaching out to the network or doing first-run work.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
