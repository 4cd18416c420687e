import type { PlatformCompare } from '../../contract.js';
import { formatCount, formatMoney, formatTime } from '../../lib/format.js';
import type { StringKey } from '../../lib/i18n.js';
import { useT } from '../../stores/prefs-store.js';

type T = ReturnType<typeof useT>;

/** desk − platform for two known figures; null when either is missing. */
export const diffOf = (desk: number | null | undefined, platform: number | null | undefined): number | null =>
  desk === null || desk === undefined || platform === null || platform === undefined ? null : desk - platform;

/** A figure in the unit its key names: money (…Fen) in yuan, rates (…Rate, conversion) in per cent. */
function show(key: string, v: number | null, currency: string, signed = false): string {
  if (v === null) return '—';
  const sign = signed && v > 0 ? '+' : signed && v < 0 ? '−' : '';
  const a = signed ? Math.abs(v) : v;
  if (key.endsWith('Fen')) return sign + formatMoney(a, currency);
  if (key.endsWith('Rate') || key === 'conversion') return `${sign}${(a * 100).toFixed(2)}%`;
  return sign + (Number.isInteger(a) ? formatCount(a) : a.toFixed(2));
}

function Diff({ k, desk, platform, currency }: { k: string; desk: number | null; platform: number | null; currency: string }) {
  const d = diffOf(desk, platform);
  return <td className={`num mono ${d === null || d === 0 ? '' : 'rv-diff'}`}>{show(k, d, currency, true)}</td>;
}

/**
 * What the platforms' exports say, beside the desk's own figures with the difference: the whole show
 * (罗盘 直播间列表, 生意参谋 分场次), each minute, each product. A mismatch is visible at once.
 */
export function PlatformPanel({ data, currency }: { data: PlatformCompare; currency: string }) {
  const t = useT();
  if (!data.minutes.length && !data.products.length && !data.sessions.length) return null;
  const platformName = (p: string) => t(`rv.pf.${p === 'taobao' ? 'taobao' : 'douyin'}`);
  return (
    <section className="panel" data-testid="platform-panel">
      <header className="panel-head">
        <h2>{t('rv.pf.title')}</h2>
      </header>
      <div className="panel-body table-scroll">
        {data.sessions.map((s) => (
          <table className="table" key={s.platform} data-testid="platform-session">
            <caption>
              {t('rv.pf.session')} · {platformName(s.platform)}
            </caption>
            <Head t={t} first="rv.pf.figure" />
            <tbody>
              {s.rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <td>{t(`rv.pf.k.${r.key}` as StringKey)}</td>
                  <td className="num mono">{show(r.key, r.desk, currency)}</td>
                  <td className="num mono">{show(r.key, r.platform, currency)}</td>
                  <Diff k={r.key} desk={r.desk} platform={r.platform} currency={currency} />
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {data.minutes.length ? (
          <table className="table" data-testid="platform-minutes">
            <caption>{t('rv.pf.perMinute')}</caption>
            <thead>
              <tr>
                <th>{t('rv.pf.minute')}</th>
                <th className="num">{t('rv.pf.desk')} · {t('rv.pf.gmv')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.gmv')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.pay')}</th>
                <th className="num">{t('rv.pf.diff')}</th>
                <th className="num">{t('rv.pf.desk')} · {t('rv.pf.orders')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.orders')}</th>
                <th className="num">{t('rv.pf.desk')} · {t('rv.pf.online')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.online')}</th>
              </tr>
            </thead>
            <tbody>
              {data.minutes.map((m) => (
                <tr key={`${m.platform}@${m.minute}`}>
                  <td className="mono">
                    {formatTime(m.minute)} {platformName(m.platform)}
                  </td>
                  <td className="num mono">{show('gmvFen', m.desk.gmvFen, currency)}</td>
                  <td className="num mono">{show('gmvFen', m.figures.gmvFen, currency)}</td>
                  <td className="num mono">{show('payFen', m.figures.payFen, currency)}</td>
                  <Diff k="gmvFen" desk={m.desk.gmvFen} platform={m.figures.payFen ?? m.figures.gmvFen} currency={currency} />
                  <td className="num mono">{m.desk.orders}</td>
                  <td className="num mono">{show('orders', m.figures.orders, currency)}</td>
                  <td className="num mono">{show('online', m.desk.online, currency)}</td>
                  <td className="num mono">{show('online', m.figures.online, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {data.products.length ? (
          <table className="table" data-testid="platform-products">
            <caption>{t('rv.pf.perProduct')}</caption>
            <thead>
              <tr>
                <th>{t('rv.pf.product')}</th>
                <th className="num">{t('rv.pf.desk')} · {t('rv.pf.gmv')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.pay')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.gmv')}</th>
                <th className="num">{t('rv.pf.diff')}</th>
                <th className="num">{t('rv.pf.desk')} · {t('rv.pf.orders')}</th>
                <th className="num">{t('rv.pf.platform')} · {t('rv.pf.orders')}</th>
                <th className="num">{t('rv.pf.explains')}</th>
              </tr>
            </thead>
            <tbody>
              {data.products.map((p) => (
                <tr key={`${p.platform}:${p.productId}`} data-sku={p.sku ?? ''}>
                  <td className="product-name">
                    {p.name} <span className="dim">{p.sku ?? t('rv.pf.unmatched')}</span>
                  </td>
                  <td className="num mono">{show('gmvFen', p.desk?.gmvFen ?? null, currency)}</td>
                  <td className="num mono">{show('payFen', p.figures.payFen, currency)}</td>
                  <td className="num mono">{show('gmvFen', p.figures.gmvFen, currency)}</td>
                  <Diff k="gmvFen" desk={p.desk?.gmvFen ?? null} platform={p.figures.payFen ?? p.figures.gmvFen} currency={currency} />
                  <td className="num mono">{show('orders', p.desk?.orders ?? null, currency)}</td>
                  <td className="num mono">{show('orders', p.figures.orders, currency)}</td>
                  <td className="num mono">{show('explains', p.figures.explains, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}

function Head({ t, first }: { t: T; first: StringKey }) {
  return (
    <thead>
      <tr>
        <th>{t(first)}</th>
        <th className="num">{t('rv.pf.desk')}</th>
        <th className="num">{t('rv.pf.platform')}</th>
        <th className="num">{t('rv.pf.diff')}</th>
      </tr>
    </thead>
  );
}
