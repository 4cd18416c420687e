import { useMemo } from 'react';
import { create } from 'zustand';
import { detectLang, isLang, translate, type Lang, type Translate } from '../lib/i18n.js';

const LANG_KEY = 'livedesk.lang';

function readStored(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

function initialLang(): Lang {
  return readStored() ?? detectLang(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? '']);
}

type PrefsStore = {
  lang: Lang;
  setLang(lang: Lang): void;
  toggleLang(): void;
};

export const usePrefsStore = create<PrefsStore>()((set, get) => ({
  lang: initialLang(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ lang });
  },
  toggleLang() {
    get().setLang(get().lang === 'zh' ? 'en' : 'zh');
  },
}));

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = usePrefsStore((s) => s.lang);
  // The same function while the language stays: memoized views (the review's charts) keep their work.
  return useMemo<Translate>(() => (key, vars) => translate(lang, key, vars), [lang]);
}
