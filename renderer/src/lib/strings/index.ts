import { codesEn } from './codes-en.js';
import { codesZh } from './codes-zh.js';
import { controlsEn, controlsZh } from './controls.js';
import { coreEn, coreZh } from './core.js';
import { deskEn, deskZh } from './desk.js';
import { devicesEn, devicesZh } from './devices.js';
import { kpiEn, kpiZh } from './kpi.js';
import { obsEn, obsZh } from './obs.js';
import { reviewEn, reviewZh } from './review.js';
import { showEn, showZh } from './show.js';

/**
 * The one table per language, joined from one small file per domain (`strings/<domain>.ts`, exporting
 * `<domain>En` and `<domain>Zh`). English is the key set; the compiler makes Chinese cover it exactly.
 */
export const DOMAIN_TABLES = {
  core: [coreEn, coreZh],
  controls: [controlsEn, controlsZh],
  desk: [deskEn, deskZh],
  show: [showEn, showZh],
  devices: [devicesEn, devicesZh],
  obs: [obsEn, obsZh],
  kpi: [kpiEn, kpiZh],
  review: [reviewEn, reviewZh],
  codes: [codesEn, codesZh],
} as const;

export const en = { ...coreEn, ...controlsEn, ...deskEn, ...showEn, ...devicesEn, ...obsEn, ...kpiEn, ...reviewEn, ...codesEn };

export type StringKey = keyof typeof en;

export const zh: Record<StringKey, string> = { ...coreZh, ...controlsZh, ...deskZh, ...showZh, ...devicesZh, ...obsZh, ...kpiZh, ...reviewZh, ...codesZh };
