import { detectLang, type Lang } from '../core/contract/lang.js';

/**
 * What the shell itself says (tray menu, dialogs), in the language the console starts in (the contract's
 * detectLang on the system's preferred languages). Everything else people read comes from the console.
 */
export type ShellLang = Lang;

export const shellLang = (preferred: readonly string[]): ShellLang => detectLang(preferred);

export interface BundleOutcome {
  file: string;
  /** Titles of the sessions the bundle brought; `skipped` were already on this desk. */
  opened?: { titles: string[]; skipped: number };
  /** The OS error code of a file that could not be read. */
  unreadable?: string;
  /** The desk refused the bundle: its developer message (shown in English only, it is not translated). */
  refused?: string;
}

const en = {
  trayShow: 'Show LiveDesk',
  trayKpi: 'KPI window (always on top)',
  trayOpenBundle: 'Open session bundle…',
  trayQuit: 'Quit LiveDesk',
  bundleFilter: 'LiveDesk session bundle',
  bundleOpened: 'Session bundle opened',
  bundleNotOpened: 'Session bundle not opened',
  startFailed: 'LiveDesk could not start',
  startFailedDetail: (reason: string) => `The desk's core did not start:\n\n${reason}`,
  bundle(o: BundleOutcome): string {
    if (o.unreadable !== undefined) return `${o.file}: cannot read the file (${o.unreadable})`;
    if (o.refused !== undefined) return `${o.file}: ${o.refused}`;
    const titles = o.opened?.titles.map((t) => `“${t}”`).join(', ') ?? '';
    const skipped = o.opened?.skipped ? `; ${o.opened.skipped} already on this desk` : '';
    return `${o.file}: ${o.opened?.titles.length ?? 0} session(s) opened${titles ? ` — ${titles}` : ''}${skipped}`;
  },
};

const zh: typeof en = {
  trayShow: '显示 LiveDesk',
  trayKpi: '数据小窗（置顶）',
  trayOpenBundle: '打开场次包…',
  trayQuit: '退出 LiveDesk',
  bundleFilter: 'LiveDesk 场次包',
  bundleOpened: '场次包已打开',
  bundleNotOpened: '场次包未打开',
  startFailed: 'LiveDesk 无法启动',
  startFailedDetail: (reason: string) => `中控核心没有启动，原因如下（原文）：\n\n${reason}`,
  bundle(o: BundleOutcome): string {
    if (o.unreadable !== undefined) return `${o.file}：无法读取该文件（${o.unreadable}）`;
    if (o.refused !== undefined) return `${o.file}：不是可打开的 LiveDesk 场次包，或文件已损坏。在中控台复盘页用“打开场次包…”打开可看到具体原因。`;
    const { titles = [], skipped = 0 } = o.opened ?? {};
    return `${o.file}：打开了 ${titles.length} 个场次${titles.length ? `：${titles.map((t) => `“${t}”`).join('、')}` : ''}${skipped ? `；${skipped} 个已在本机` : ''}`;
  },
};

export const shellStrings = (lang: ShellLang): typeof en => (lang === 'zh' ? zh : en);
