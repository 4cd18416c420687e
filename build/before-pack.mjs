// electron-builder `beforePack` hook: refuse to package without the Node runtime the core runs on
// (DESIGN §1). electron-builder only warns about a missing extraResources source, which would ship
// an app whose core cannot start.
import { existsSync } from 'node:fs';
import path from 'node:path';

const OS = { linux: 'linux', win32: 'win', darwin: 'mac' };
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // electron-builder's Arch enum

export default async function beforePack(context) {
  const os = OS[context.electronPlatformName];
  const arch = ARCH[context.arch];
  const binary = os === 'win' ? 'node.exe' : path.join('bin', 'node');
  const file = path.join(context.packager.projectDir, 'build', 'node-runtime', `${os}-${arch}`, binary);
  if (!existsSync(file)) {
    throw new Error(`missing ${file}: put an official Node distribution for ${os}-${arch} there first (see electron-builder.yml)`);
  }
}
