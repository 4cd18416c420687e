import { useState } from 'react';
import { Panel } from '../../components/panel.js';
import type { AlertRule } from '../../contract.js';
import { translate } from '../../lib/i18n.js';
import { KPI_LABEL } from '../../lib/kpi-labels.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useKpiSettings } from '../../stores/kpi-settings-store.js';
import { usePrefsStore } from '../../stores/prefs-store.js';
import { fromStored, ruleUnit, toStored } from './rule-units.js';

type Kpi = AlertRule['kpi'];
type Condition = AlertRule['condition'];

const KPIS = Object.keys(KPI_LABEL) as Kpi[];
const CONDITIONS: Condition[] = ['drop', 'below', 'above', 'rise'];
const NO_RULES: AlertRule[] = [];

/** Threshold rules per KPI (yellow/red, absolute or rate of change), saved to the core's KPI settings. */
export function AlertRules() {
  const lang = usePrefsStore((s) => s.lang);
  const rules = useDeskStore((s) => s.state?.kpiSettings?.alerts ?? NO_RULES);
  const error = useKpiSettings((s) => s.error);
  const [kpi, setKpi] = useState<Kpi>('online');
  const [condition, setCondition] = useState<Condition>('drop');
  const [yellow, setYellow] = useState('');
  const [red, setRed] = useState('');
  const [windowSec, setWindowSec] = useState('120');
  const [hint, setHint] = useState<string | null>(null);

  const unit = ruleUnit(kpi, condition);
  const unitOf = (u: ReturnType<typeof ruleUnit>) => (u === 'count' ? '' : translate(lang, `rules.unit.${u}`));
  const unitLabel = unitOf(unit);
  const describe = (r: AlertRule) => {
    const u = ruleUnit(r.kpi, r.condition);
    const unitText = unitOf(u);
    const level = (v: number) => (u === 'yuan' ? `${unitText}${fromStored(v, u)}` : `${fromStored(v, u)}${unitText}`);
    const levels = [r.yellow !== undefined ? `${translate(lang, 'rules.yellow')} ${level(r.yellow)}` : null, r.red !== undefined ? `${translate(lang, 'rules.red')} ${level(r.red)}` : null]
      .filter(Boolean)
      .join(' / ');
    const within = r.condition === 'drop' || r.condition === 'rise' ? ` · ${r.windowSec}s` : '';
    return `${translate(lang, KPI_LABEL[r.kpi])} ${translate(lang, `rules.${r.condition}`)} ${levels}${within}`;
  };

  const add = async () => {
    const y = toStored(yellow, unit);
    const r = toStored(red, unit);
    if (y === null && r === null) return setHint(translate(lang, 'rules.needLevel'));
    setHint(null);
    const rule = {
      id: `${kpi.toLowerCase()}-${condition}-${Date.now().toString(36)}`,
      kpi,
      condition,
      windowSec: Math.max(5, Math.round(Number(windowSec) || 120)),
      hysteresis: 0.05,
      enabled: true,
      ...(y !== null && { yellow: y }),
      ...(r !== null && { red: r }),
    } satisfies AlertRule;
    if (await useKpiSettings.getState().saveRules([...rules, rule])) {
      setYellow('');
      setRed('');
    }
  };

  return (
    <Panel title={translate(lang, 'rules.title')} className="alert-rules" testId="alert-rules">
      {rules.length === 0 ? <p className="all-clear">{translate(lang, 'rules.none')}</p> : null}
      <ul className="rule-list">
        {rules.map((r) => (
          <li key={r.id} data-rule={r.id}>
            <span>{describe(r)}</span>
            <button type="button" className="btn btn-small" onClick={() => void useKpiSettings.getState().saveRules(rules.filter((x) => x.id !== r.id))}>
              {translate(lang, 'rules.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <select value={kpi} onChange={(e) => setKpi(e.target.value as Kpi)} data-testid="rule-kpi">
          {KPIS.map((k) => (
            <option key={k} value={k}>
              {translate(lang, KPI_LABEL[k])}
            </option>
          ))}
        </select>
        <select value={condition} onChange={(e) => setCondition(e.target.value as Condition)} data-testid="rule-condition">
          {CONDITIONS.map((c) => (
            <option key={c} value={c}>
              {translate(lang, `rules.${c}`)}
            </option>
          ))}
        </select>
        <input inputMode="decimal" placeholder={`${translate(lang, 'rules.yellow')} ${unitLabel}`} value={yellow} onChange={(e) => setYellow(e.target.value)} data-testid="rule-yellow" />
        <input inputMode="decimal" placeholder={`${translate(lang, 'rules.red')} ${unitLabel}`} value={red} onChange={(e) => setRed(e.target.value)} data-testid="rule-red" />
        {condition === 'drop' || condition === 'rise' ? (
          <input inputMode="numeric" title={translate(lang, 'rules.window')} value={windowSec} onChange={(e) => setWindowSec(e.target.value)} data-testid="rule-window" />
        ) : null}
        <button type="submit" className="btn" data-testid="rule-add">
          {translate(lang, 'rules.add')}
        </button>
      </form>
      {hint || error ? <p className="import-error" data-testid="rule-error">{hint ?? error}</p> : null}
    </Panel>
  );
}
