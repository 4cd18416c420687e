/**
 * Column names of the platforms' post-show exports, as they write them: Douyin 罗盘 (直播间列表 下载明细,
 * per-minute tables, product rankings), 巨量百应 (流量综合趋势分析) and Taobao 生意参谋 (直播分商品效果,
 * 直播分场次, 直播间大盘). The 罗盘 list follows the 54 columns users publish (see reference/kpi.md).
 * Headers are compared after `normalizeHeader`, so full-width brackets, spaces and a "(元)" suffix do
 * not matter. A column the table does not know is reported by the import, never dropped silently.
 */

/** How a column's text becomes a figure. */
export type ColumnUnit =
  | 'time' // a wall-clock time: the row's minute, or a session's start or end
  | 'text' // an identity: product id, name, code, host
  | 'count'
  | 'money' // yuan as written → fen
  | 'rate' // "12.5%" or a fraction → fraction
  | 'seconds' // "83", "1:23", "00:01:23", "1分23秒" → seconds
  | 'minutes'; // minutes as written → seconds

export interface ColumnSpec {
  unit: ColumnUnit;
  names: readonly string[];
}

/** Every column the importer reads, by the figure it becomes. Where 罗盘 names both, 人数 and 次数 are two figures. */
export const COLUMNS = {
  // Keys of a row
  minute: { unit: 'time', names: ['时间', '分钟', '统计时间', '时间点', '日期时间', '统计分钟'] },
  startedAt: { unit: 'time', names: ['直播开始时间', '开播时间', '开始时间'] },
  endedAt: { unit: 'time', names: ['直播结束时间', '下播时间', '结束时间'] },
  roomSessionId: { unit: 'text', names: ['场次id', '场次ID', '直播场次ID', '直播场次id', 'live_room_id'] },
  productId: { unit: 'text', names: ['商品ID', '商品id', '宝贝ID', '商品编号', '商品Id'] },
  name: { unit: 'text', names: ['商品名称', '商品标题', '宝贝标题', '宝贝名称', '商品'] },
  // 商家编码 / 货号 is what the studio typed as its own SKU: it links an export row to the catalog.
  sku: { unit: 'text', names: ['商家编码', '商品编码', '货号', 'SKU', '商家SKU'] },
  hostName: { unit: 'text', names: ['主播昵称', '主播'] },
  hostId: { unit: 'text', names: ['主播抖音号'] },
  hostAvatar: { unit: 'text', names: ['主播头像'] },
  title: { unit: 'text', names: ['直播标题', '场次名称', '直播间标题'] },
  // Audience
  durationSeconds: { unit: 'minutes', names: ['直播时长(分钟)', '直播时长'] },
  online: { unit: 'count', names: ['实时在线人数', '在线人数', '直播间在线人数', '在线观众数'] },
  peakOnline: { unit: 'count', names: ['最高在线人数', '最高在线', '峰值在线人数'] },
  avgOnline: { unit: 'count', names: ['平均在线人数', '平均在线'] },
  enter: { unit: 'count', names: ['进入直播间人数', '进入人数', '进房人数'] },
  leave: { unit: 'count', names: ['直播间离开人数', '离开直播间人数', '离开人数'] },
  roomExposuresUv: { unit: 'count', names: ['直播间曝光人数'] },
  roomExposuresPv: { unit: 'count', names: ['直播间曝光次数'] },
  viewersUv: { unit: 'count', names: ['直播间观看人数', '累计观看人数', '观看人数', '观看人数(人数)'] },
  viewsPv: { unit: 'count', names: ['直播间观看次数', '观看次数', '累计观看次数', '观看人次'] },
  viewersPerHour: { unit: 'count', names: ['单小时观看人数'] },
  avgWatchSeconds: { unit: 'seconds', names: ['人均观看时长(秒)', '人均观看时长', '平均观看时长'] },
  avgWatchMinutes: { unit: 'minutes', names: ['人均观看时长(分钟)'] },
  comments: { unit: 'count', names: ['评论次数', '评论数', '评论条数'] },
  likes: { unit: 'count', names: ['点赞次数', '点赞数'] },
  shares: { unit: 'count', names: ['分享次数', '分享数'] },
  interactions: { unit: 'count', names: ['互动次数'] },
  newFollowers: { unit: 'count', names: ['新增粉丝数', '新增粉丝', '新增关注人数', '新增关注数', '涨粉人数'] },
  unfollows: { unit: 'count', names: ['取关粉丝数'] },
  fanClubJoins: { unit: 'count', names: ['新加直播团人数', '新增粉丝团人数'] },
  oldFanShare: { unit: 'rate', names: ['观看老粉占比'] },
  followRate: { unit: 'rate', names: ['观看-关注率(人数)', '转粉率'] },
  // Products and sales
  productsListed: { unit: 'count', names: ['带货商品数'] },
  explains: { unit: 'count', names: ['讲解次数'] },
  productExposures: { unit: 'count', names: ['直播间商品曝光人数', '商品曝光人数', '商品曝光人数(人数)', '曝光人数'] },
  productExposuresPv: { unit: 'count', names: ['直播间商品曝光次数', '商品曝光次数'] },
  productClicks: { unit: 'count', names: ['直播间商品点击人数', '商品点击人数', '商品点击人数(人数)', '点击人数'] },
  productClicksPv: { unit: 'count', names: ['直播间商品点击次数', '商品点击次数'] },
  cartUsers: { unit: 'count', names: ['加购人数'] },
  cartQty: { unit: 'count', names: ['加购件数', '加购'] },
  orders: { unit: 'count', names: ['直播间成交订单数', '成交订单数', '成交订单量', '成交笔数', '支付笔数', '支付子订单数', '支付订单数'] },
  // 罗盘 writes both: 成交金额 counts orders created, 用户支付金额 what buyers paid. Two figures, never aliases.
  gmvFen: { unit: 'money', names: ['直播间成交金额', '成交金额', '商品成交金额'] },
  payFen: { unit: 'money', names: ['直播间用户支付金额', '用户支付金额', '支付金额', '商品支付金额', '成交金额(支付)'] },
  payPerHourFen: { unit: 'money', names: ['单小时用户支付金额'] },
  qty: { unit: 'count', names: ['直播间成交件数', '成交件数', '支付件数', '成交商品件数', '商品件数'] },
  buyers: { unit: 'count', names: ['直播间成交人数', '成交人数', '支付买家数', '成交买家数', '支付人数'] },
  refundOrders: { unit: 'count', names: ['直播间退款订单数', '退款订单数'] },
  refundFen: { unit: 'money', names: ['直播间退款金额', '退款金额'] },
  refundBuyers: { unit: 'count', names: ['直播间退款人数', '退款人数'] },
  commissionFen: { unit: 'money', names: ['预估佣金支出'] },
  clickRatePv: { unit: 'rate', names: ['商品曝光-点击率(次数)'] },
  clickRate: { unit: 'rate', names: ['商品曝光-点击率(人数)', '商品曝光-点击率', '商品点击率'] },
  clickToOrderPv: { unit: 'rate', names: ['商品点击-成交率(次数)'] },
  clickToOrder: { unit: 'rate', names: ['商品点击-成交率(人数)', '商品点击-成交率', '点击-成交转化率'] },
  conversionPv: { unit: 'rate', names: ['观看-成交率(次数)'] },
  conversion: { unit: 'rate', names: ['观看-成交率(人数)', '直播间观看-成交转化率(人数)', '观看-成交转化率', '成交转化率'] },
  presaleOrders: { unit: 'count', names: ['预售订单数'] },
  presaleFen: { unit: 'money', names: ['预售全款金额'] },
  cartClubJoins: { unit: 'count', names: ['新加购物团人数'] },
  adSpendFen: { unit: 'money', names: ['投放消耗(店铺绑定)', '投放消耗'] },
  adSpendTargetedFen: { unit: 'money', names: ['投放消耗(店铺被投)'] },
  netGmvFen: { unit: 'money', names: ['净成交金额'] },
  netOrders: { unit: 'count', names: ['净成交订单数'] },
  refund1hFen: { unit: 'money', names: ['1小时退款金额'] },
  refund1hOrders: { unit: 'count', names: ['1小时退款订单数'] },
  refund1hRate: { unit: 'rate', names: ['1小时退款率'] },
  couponPayFen: { unit: 'money', names: ['消费券引导支付金额'] },
  couponPayShare: { unit: 'rate', names: ['消费券引导支付占比'] },
  couponSubsidyFen: { unit: 'money', names: ['消费券补贴金额'] },
  couponsUsed: { unit: 'count', names: ['消费券使用量'] },
} as const satisfies Record<string, ColumnSpec>;

export type ColumnField = keyof typeof COLUMNS;
export const COLUMN_FIELDS = Object.keys(COLUMNS) as ColumnField[];

/** Headers only one platform writes; the platform with more of them in a file is the file's. */
export const PLATFORM_MARKERS: Record<'douyin' | 'taobao', readonly string[]> = {
  douyin: [
    '实时在线人数', '进入直播间人数', '离开直播间人数', '直播间离开人数', '用户支付金额', '直播间用户支付金额', '直播间成交金额', '成交订单数', '商品曝光人数',
    '商品点击人数', '新增粉丝数', '直播间观看-成交转化率(人数)', '新加直播团人数', '主播抖音号', '讲解次数', '直播间曝光人数',
  ],
  taobao: ['统计时间', '支付金额', '支付买家数', '支付笔数', '支付子订单数', '成交笔数', '宝贝ID', '宝贝标题', '支付件数', '新增关注人数', '商品点击次数', '商品标题', '加购人数', '场次id', '开播时间', '转粉率', '直播标题', '商品id'],
};

export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[—–]/g, '-')
    .replace(/\((元|¥|￥|RMB)\)$/i, '')
    .toLowerCase();
}

const LOOKUP = new Map<string, ColumnField>();
for (const field of COLUMN_FIELDS) for (const name of COLUMNS[field].names) if (!LOOKUP.has(normalizeHeader(name))) LOOKUP.set(normalizeHeader(name), field);

export interface ColumnMatch {
  /** Field → column index; a field two columns claim keeps the first. */
  fields: Partial<Record<ColumnField, number>>;
  /** Headers no known field reads, as written. */
  unknown: string[];
}

/** Maps each header to the field it carries, and lists the headers no field knows. */
export function matchColumns(headers: readonly string[]): ColumnMatch {
  const fields: Partial<Record<ColumnField, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    if (!header.trim()) return;
    const field = LOOKUP.get(normalizeHeader(header));
    if (field === undefined || fields[field] !== undefined) unknown.push(header);
    else fields[field] = index;
  });
  return { fields, unknown };
}
