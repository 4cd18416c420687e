/**
 * Column names of the platforms' post-show exports, old and new, as they write them: Douyin 罗盘 /
 * 巨量百应 and Taobao 生意参谋. Headers are compared after `normalizeHeader`, so full-width brackets,
 * spaces and a "(元)" unit suffix do not matter.
 */
export type MinuteField =
  | 'minute' | 'online' | 'enter' | 'leave' | 'viewersUv' | 'viewsPv' | 'gmvFen' | 'orders' | 'buyers'
  | 'newFollowers' | 'comments' | 'likes' | 'productExposures' | 'productClicks';

export type ProductField = 'productId' | 'name' | 'sku' | 'gmvFen' | 'orders' | 'qty' | 'buyers' | 'exposures' | 'clicks';

export const MINUTE_COLUMNS: Record<MinuteField, readonly string[]> = {
  minute: ['时间', '分钟', '统计时间', '时间点', '日期时间', '统计分钟'],
  online: ['实时在线人数', '在线人数', '直播间在线人数', '在线观众数'],
  enter: ['进入直播间人数', '进入人数', '进房人数'],
  leave: ['离开直播间人数', '离开人数'],
  viewersUv: ['累计观看人数', '观看人数', '直播间观看人数', '观看人数(人数)'],
  viewsPv: ['观看次数', '累计观看次数', '直播间观看次数', '观看人次'],
  // 罗盘 renamed 成交金额 to 用户支付金额 (refunds reported apart); 生意参谋 says 支付金额.
  gmvFen: ['成交金额', '直播间成交金额', '用户支付金额', '支付金额', '成交金额(支付)'],
  orders: ['成交订单数', '成交订单量', '成交笔数', '支付笔数', '支付子订单数', '支付订单数'],
  buyers: ['成交人数', '支付买家数', '成交买家数', '支付人数'],
  newFollowers: ['新增粉丝数', '新增粉丝', '新增关注人数', '新增关注数', '涨粉人数'],
  comments: ['评论次数', '评论数', '评论条数'],
  likes: ['点赞次数', '点赞数'],
  productExposures: ['商品曝光人数', '商品曝光次数', '商品曝光人数(人数)'],
  productClicks: ['商品点击人数', '商品点击次数', '商品点击人数(人数)'],
};

export const PRODUCT_COLUMNS: Record<ProductField, readonly string[]> = {
  productId: ['商品ID', '商品id', '宝贝ID', '商品编号', '商品Id'],
  name: ['商品名称', '商品标题', '宝贝标题', '宝贝名称', '商品'],
  // 商家编码 / 货号 is what the studio typed as its own SKU: it links an export row to the catalog.
  sku: ['商家编码', '商品编码', '货号', 'SKU', 'sku', '商家SKU'],
  gmvFen: ['成交金额', '用户支付金额', '支付金额', '商品成交金额', '商品支付金额'],
  orders: ['成交订单数', '成交笔数', '支付笔数', '支付子订单数', '支付订单数'],
  qty: ['成交件数', '支付件数', '成交商品件数', '商品件数'],
  buyers: ['成交人数', '支付买家数', '成交买家数'],
  exposures: ['商品曝光人数', '曝光人数', '商品曝光次数', '商品曝光人数(人数)'],
  clicks: ['商品点击人数', '点击人数', '商品点击次数', '商品点击人数(人数)'],
};

/** Headers only one platform writes; the platform with more of them in a file is the file's. */
export const PLATFORM_MARKERS: Record<'douyin' | 'taobao', readonly string[]> = {
  douyin: ['实时在线人数', '进入直播间人数', '离开直播间人数', '用户支付金额', '成交订单数', '商品曝光人数', '商品点击人数', '新增粉丝数', '直播间观看-成交转化率(人数)'],
  taobao: ['统计时间', '支付金额', '支付买家数', '支付笔数', '支付子订单数', '成交笔数', '宝贝ID', '宝贝标题', '支付件数', '新增关注人数', '商品点击次数'],
};

export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\((元|¥|￥|RMB)\)$/i, '');
}

/** Maps each field to the index of its column in `headers`, the first alias found winning. */
export function matchColumns<F extends string>(headers: readonly string[], table: Record<F, readonly string[]>): Partial<Record<F, number>> {
  const normalized = headers.map(normalizeHeader);
  const out: Partial<Record<F, number>> = {};
  for (const field of Object.keys(table) as F[]) {
    for (const alias of table[field]) {
      const index = normalized.indexOf(normalizeHeader(alias));
      if (index >= 0) {
        out[field] = index;
        break;
      }
    }
  }
  return out;
}
