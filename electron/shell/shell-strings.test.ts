import { describe, expect, it } from 'vitest';
import { shellLang, shellStrings } from './shell-strings.js';

describe('the shell speaks the console’s starting language', () => {
  it('picks Chinese from the first preferred system language, English otherwise', () => {
    expect(shellLang(['zh-CN', 'en-US'])).toBe('zh');
    expect(shellLang(['zh-Hant-TW'])).toBe('zh');
    expect(shellLang(['en-US', 'zh-CN'])).toBe('en');
    expect(shellLang([])).toBe('en');
  });

  it('has no English sentence in the Chinese menu and dialogs', () => {
    const zh = shellStrings('zh');
    const lines = [zh.trayShow, zh.trayKpi, zh.trayOpenBundle, zh.trayQuit, zh.bundleFilter, zh.bundleOpened, zh.bundleNotOpened, zh.startFailed, zh.startFailedDetail('')];
    // Product names (LiveDesk) are allowed; two English words in a row are a sentence.
    for (const line of lines) expect(line.replace(/LiveDesk/g, '')).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });
});
