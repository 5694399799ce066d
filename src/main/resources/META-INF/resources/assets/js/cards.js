// The chat's cards (contract: kind ∈ order logistics product after_sale), built from the fields they carry.
import { h, icon, badge, label, fmtMoney, fmtTime, fmtDate } from './ui.js';

function card(kind, head, ...body) {
  return h('div', { class: `card card-${kind}`, dataset: { kind } }, h('div', { class: 'card-head' }, head), ...body);
}

function kv(name, value) {
  return value === null || value === undefined || value === '' ? null
    : h('div', { class: 'kv' }, h('span', { class: 'k', text: name }), h('span', { class: 'v', text: value }));
}

function order(c) {
  return card('order',
    [h('span', { class: 'card-title' }, '订单 ', h('span', { class: 'mono', text: c.orderId })),
      c.status ? badge('orderStatus', c.status, { title: c.statusText || '' }) : null],
    c.title ? h('div', { class: 'card-main', text: c.title }) : null,
    h('div', { class: 'card-meta' }, kv('实付', fmtMoney(c.total)), kv('下单', fmtDate(c.createdAt))));
}

function logistics(c) {
  const events = c.events || [];
  return card('logistics',
    [icon('truck', 'card-icon'), h('span', { class: 'card-title' }, c.carrier || '物流信息'),
      c.trackingNo ? h('span', { class: 'mono muted small', text: c.trackingNo }) : null],
    c.title ? h('div', { class: 'card-main', text: c.title }) : null,
    events.length
      ? h('ol', { class: 'timeline' }, events.slice(0, 4).map((e, i) => h('li', { class: i === 0 ? 'latest' : '' },
        h('div', { class: 'tl-text', text: e.description }), h('div', { class: 'tl-time', text: fmtTime(e.time) }))))
      : h('div', { class: 'muted small' }, '暂无物流轨迹'),
    events.length > 4 ? h('div', { class: 'muted small' }, `还有 ${events.length - 4} 条更早的记录`) : null);
}

function product(c) {
  const stock = Number(c.stock);
  return card('product',
    [h('span', { class: 'card-title', text: c.title }), null],
    h('div', { class: 'product-line' },
      h('span', { class: 'price', text: fmtMoney(c.price) }),
      c.rating ? h('span', { class: 'rating' }, '★ ', Number(c.rating).toFixed(1)) : null,
      Number.isFinite(stock) ? h('span', { class: 'muted small', text: stock > 0 ? `库存 ${stock}` : '暂时缺货' }) : null),
    c.reason ? h('div', { class: 'card-note', text: c.reason }) : null,
    h('div', { class: 'muted small mono', text: c.sku }));
}

function afterSale(c) {
  return card('after_sale',
    [h('span', { class: 'card-title' }, '售后单 ', h('span', { class: 'mono', text: c.caseId })), badge('caseStatus', c.status)],
    h('div', { class: 'card-meta' },
      kv('类型', label('caseType', c.type)),
      kv('原因', label('caseReason', c.reason)),
      kv('订单', c.orderId),
      kv('金额', fmtMoney(c.amount)),
      kv('换成', c.targetSku)));
}

const RENDERERS = { order, logistics, product, after_sale: afterSale };

export function renderCard(c) {
  const render = RENDERERS[c?.kind];
  return render ? render(c) : null;
}
