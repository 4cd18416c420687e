import { useEffect, useState } from 'react';
import { z } from 'zod';
import { Panel } from '../../components/panel.js';
import { getLink, whenLinked } from '../../lib/desk-link.js';
import { kt, type KpiStringKey } from '../../lib/kpi-strings.js';
import { usePrefsStore } from '../../stores/prefs-store.js';

const linksSchema = z.array(z.object({ id: z.enum(['card', 'ticker', 'board', 'kpi']), url: z.string(), options: z.record(z.string(), z.array(z.string())) }));
type Link = z.infer<typeof linksSchema>[number];

const OPTION_LABEL: Record<string, KpiStringKey> = { layout: 'links.layout', theme: 'links.theme', lang: 'links.lang' };

/** The URL with the chosen options; defaults (the first choice) are left out to keep it short. */
export function linkUrl(link: Link, chosen: Record<string, string>): string {
  const url = new URL(link.url);
  for (const [key, choices] of Object.entries(link.options)) {
    const value = chosen[key];
    if (value && value !== choices[0]) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * What Open opens. The desk KPI window shows alerts and data sources, which the read-only overlay token
 * may not read: it opens with the console's own token (the page takes it out of the address bar). The
 * copyable URL keeps the overlay token.
 */
export function openUrl(link: Link, url: string, consoleToken: string | undefined): string {
  if (link.id !== 'kpi' || !consoleToken) return url;
  const u = new URL(url);
  u.searchParams.set('token', consoleToken);
  return u.toString();
}

function LinkRow({ link }: { link: Link }) {
  const lang = usePrefsStore((s) => s.lang);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  const url = linkUrl(link, chosen);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard permission (e.g. an http tablet): the field is selected for a manual copy.
      document.querySelector<HTMLInputElement>(`[data-testid="overlay-url-${link.id}"]`)?.select();
    }
  };
  return (
    <li className="overlay-link" data-link={link.id}>
      <div className="overlay-link-head">
        <b>{kt(lang, `links.${link.id}`)}</b>
        {Object.entries(link.options).map(([key, choices]) => (
          <label key={key} className="overlay-opt">
            {kt(lang, OPTION_LABEL[key] ?? 'links.layout')}
            <select value={chosen[key] ?? choices[0]} onChange={(e) => setChosen({ ...chosen, [key]: e.target.value })} data-testid={`overlay-opt-${link.id}-${key}`}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="overlay-link-url">
        <input readOnly value={url} data-testid={`overlay-url-${link.id}`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" onClick={() => void copy()}>
          {kt(lang, copied ? 'links.copied' : 'links.copy')}
        </button>
        <a className="btn" href={openUrl(link, url, getLink()?.token)} target="_blank" rel="noreferrer" data-testid={`overlay-open-${link.id}`}>
          {kt(lang, 'links.open')}
        </a>
      </div>
    </li>
  );
}

/** The overlay pages with a copyable URL for OBS Browser Source, and the desk KPI window. */
export function OverlayLinks() {
  const lang = usePrefsStore((s) => s.lang);
  const [links, setLinks] = useState<Link[]>([]);
  useEffect(() => {
    let live = true;
    void whenLinked()
      .then(({ api }) => api.get('/overlay/links', linksSchema))
      .then((l) => live && setLinks(l))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <Panel title={kt(lang, 'links.title')} className="overlay-links" testId="overlay-links">
      <ul>
        {links.map((l) => (
          <LinkRow key={l.id} link={l} />
        ))}
      </ul>
    </Panel>
  );
}
