import path from 'node:path';

/**
 * Where the core's Node runtime and entry script are (DESIGN §1). The core never runs inside
 * Electron's own Node: its native modules are built for plain Node, so development uses the `node`
 * that ran npm and a packaged app uses the Node runtime it ships in its resources, as Bitfocus
 * Companion does.
 */

export type RuntimeContext = {
  /** `app.isPackaged` under Electron; false for `npm start` / plain Node. */
  packaged: boolean;
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath?: string;
  /** The app directory: `app.getAppPath()` (`…/resources/app.asar` when packaged) or the repo root. */
  appPath: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** `process.execPath` when the caller is itself plain Node, which then runs the core too. */
  plainNodeExecPath?: string;
};

export type CoreRuntime = { nodePath: string; script: string };

/** The Node runtime inside a packaged app (see `extraResources` in electron-builder.yml). */
export function packagedNodePath(resourcesPath: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32'
    ? path.join(resourcesPath, 'node', 'node.exe')
    : path.join(resourcesPath, 'node', 'bin', 'node');
}

export function resolveNodePath(ctx: RuntimeContext): string {
  const env = ctx.env ?? {};
  // An explicit override, e.g. to try the desk on another Node without rebuilding it.
  if (env.LIVEDESK_NODE) return env.LIVEDESK_NODE;
  if (ctx.packaged) {
    if (!ctx.resourcesPath) throw new Error('a packaged app needs resourcesPath to find its Node runtime');
    return packagedNodePath(ctx.resourcesPath, ctx.platform);
  }
  return env.npm_node_execpath || ctx.plainNodeExecPath || 'node';
}

/**
 * The core's entry script. Plain Node cannot read inside app.asar, so a packaged app keeps the core
 * and its node_modules unpacked next to it (`asarUnpack` in electron-builder.yml).
 */
export function resolveCoreScript(appPath: string): string {
  const root = appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
  return path.join(root, 'out', 'electron', 'core', 'main.js');
}

export function resolveCoreRuntime(ctx: RuntimeContext): CoreRuntime {
  return { nodePath: resolveNodePath(ctx), script: resolveCoreScript(ctx.appPath) };
}

const VALUE_FLAGS: ReadonlySet<string> = new Set(['--data-dir', '--host', '--port', '--token', '--obs-url', '--obs-password']);
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['--demo']);

/**
 * The core's flags (DESIGN §3.1) out of an Electron command line, which also carries the app path
 * and Chromium switches that the core would reject. Both `--flag value` and `--flag=value` work.
 */
export function pickCoreArgs(argv: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN_FLAGS.has(name) && eq < 0) picked.push(arg);
    else if (VALUE_FLAGS.has(name) && eq > 0) picked.push(arg);
    else if (VALUE_FLAGS.has(name) && i + 1 < argv.length) picked.push(arg, argv[++i] as string);
  }
  return picked;
}
