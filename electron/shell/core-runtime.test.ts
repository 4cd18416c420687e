import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedNodePath, pickCoreArgs, resolveCoreRuntime, resolveCoreScript, resolveNodePath } from './core-runtime.js';

describe('resolveNodePath', () => {
  it('uses the node that ran npm in development', () => {
    expect(resolveNodePath({ packaged: false, appPath: '/repo', env: { npm_node_execpath: '/usr/bin/node20' } })).toBe('/usr/bin/node20');
  });

  it('falls back to the calling Node, then to node on PATH', () => {
    expect(resolveNodePath({ packaged: false, appPath: '/repo', env: {}, plainNodeExecPath: '/opt/node/bin/node' })).toBe('/opt/node/bin/node');
    expect(resolveNodePath({ packaged: false, appPath: '/repo', env: {} })).toBe('node');
  });

  it('uses the runtime shipped in the resources of a packaged app', () => {
    const ctx = { packaged: true, appPath: '/opt/LiveDesk/resources/app.asar', resourcesPath: '/opt/LiveDesk/resources', env: { npm_node_execpath: '/usr/bin/node' } };
    expect(resolveNodePath({ ...ctx, platform: 'linux' })).toBe(path.join('/opt/LiveDesk/resources', 'node', 'bin', 'node'));
    expect(packagedNodePath('C:\\LiveDesk\\resources', 'win32')).toMatch(/node[\\/]node\.exe$/);
  });

  it('honours an explicit LIVEDESK_NODE', () => {
    expect(resolveNodePath({ packaged: true, appPath: '/a', resourcesPath: '/r', env: { LIVEDESK_NODE: '/custom/node' } })).toBe('/custom/node');
  });

  it('needs resourcesPath when packaged', () => {
    expect(() => resolveNodePath({ packaged: true, appPath: '/a', env: {} })).toThrow(/resourcesPath/);
  });
});

describe('resolveCoreScript', () => {
  it('runs the compiled core from the repo in development', () => {
    expect(resolveCoreScript('/repo')).toBe(path.join('/repo', 'out', 'electron', 'core', 'main.js'));
  });

  it('runs the unpacked copy in a packaged app, since plain Node cannot read app.asar', () => {
    expect(resolveCoreScript('/opt/LiveDesk/resources/app.asar')).toBe(
      path.join('/opt/LiveDesk/resources/app.asar.unpacked', 'out', 'electron', 'core', 'main.js'),
    );
    expect(resolveCoreRuntime({ packaged: false, appPath: '/repo', env: {} })).toEqual({
      nodePath: 'node',
      script: path.join('/repo', 'out', 'electron', 'core', 'main.js'),
    });
  });
});

describe('pickCoreArgs', () => {
  it('keeps the core flags and drops the app path and Chromium switches', () => {
    const argv = ['.', '--no-sandbox', '--port', '0', '--demo', '--data-dir=/tmp/d', '--enable-logging', '--obs-url', 'ws://127.0.0.1:4455'];
    expect(pickCoreArgs(argv)).toEqual(['--port', '0', '--demo', '--data-dir=/tmp/d', '--obs-url', 'ws://127.0.0.1:4455']);
  });

  it('takes the value after a flag even when it looks like a flag', () => {
    expect(pickCoreArgs(['--obs-password', '--secret--', '--token', 't'])).toEqual(['--obs-password', '--secret--', '--token', 't']);
  });

  it('ignores a value flag with no value', () => {
    expect(pickCoreArgs(['--port'])).toEqual([]);
    expect(pickCoreArgs(['--demo=yes'])).toEqual([]);
  });
});
