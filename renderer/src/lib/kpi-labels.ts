import type { AlertRule } from '../contract.js';
import type { StringKey } from './strings/index.js';

/** The name of each KPI an alert rule can watch, for the rules editor and the alerts the core raises. */
export const KPI_LABEL: Record<AlertRule['kpi'], StringKey> = {
  online: 'k.online', peakOnline: 'k.peakOnline', averageOnline: 'k.averageOnline', viewersUv: 'k.viewersUv', viewsPv: 'k.viewsPv',
  gmvFen: 'k.gmv', orders: 'k.orders', buyers: 'k.buyers', likes: 'k.likes', comments: 'k.comments', newFollowers: 'k.newFollowers',
  avgWatchSeconds: 'k.avgWatchSeconds', interactionRate: 'k.interactionRate', conversion: 'k.conversion', perBuyerFen: 'k.perBuyerFen',
  aovFen: 'k.aovFen', uvValueFen: 'k.uvValueFen', gpmFen: 'k.gpmFen', productClickRate: 'k.productClickRate', clickToOrder: 'k.clickToOrder',
  followerConversion: 'k.followerConversion', roi: 'k.roi', ingestRate: 'k.ingestRate',
};
