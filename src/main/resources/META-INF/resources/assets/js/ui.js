// DOM helpers shared by the pages. Text always goes in through textContent, never as HTML: buyers, agents and
// merchants all see each other's words, so nothing they type may become markup.

/** h('div', {class: 'x', onclick: fn}, child, 'text', [more]) builds an element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// Icons: constant SVG markup of our own, the only HTML set as markup.
const ICONS = {
  send: '<path d="M4 12l16-8-6 16-2.5-6.5L4 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  image: '<rect x="3" y="4" width="18" height="16" rx="3" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="9" cy="10" r="2" fill="currentColor"/><path d="M4 18l5-5 4 4 3-3 4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
  close: '<path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>',
  back: '<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  upload: '<path d="M12 16V4m0 0l-5 5m5-5l5 5M4 16v3a1 1 0 001 1h14a1 1 0 001-1v-3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  doc: '<path d="M7 3h7l5 5v12a1 1 0 01-1 1H7a1 1 0 01-1-1V4a1 1 0 011-1z M14 3v5h5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>',
  chat: '<path d="M4 5h16v11H9l-5 4V5z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>',
  inbox: '<path d="M3 13l3-8h12l3 8v6H3v-6zm0 0h5l1 2h6l1-2h5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>',
  search: '<circle cx="11" cy="11" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4 4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>',
  refresh: '<path d="M20 11a8 8 0 10-2.3 5.7M20 4v7h-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  logout: '<path d="M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  star: '<path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" fill="currentColor"/>',
  headset: '<path d="M4 14v-2a8 8 0 0116 0v2M4 14v3a2 2 0 002 2h1v-6H6a2 2 0 00-2 2zm16 0v3a2 2 0 01-2 2h-1v-6h1a2 2 0 012 2z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>',
  check: '<path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>',
  truck: '<path d="M3 6h11v9H3zM14 9h4l3 3v3h-7z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/><circle cx="7" cy="17" r="1.8" fill="currentColor"/><circle cx="17" cy="17" r="1.8" fill="currentColor"/>',
};

export function icon(name, cls = '') {
  const span = document.createElement('span');
  span.className = 'icon ' + cls;
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = `<svg viewBox="0 0 24 24" width="16" height="16">${ICONS[name]}</svg>`;
  return span;
}

let toastBox;
export function toast(message, kind = '') {
  if (!toastBox) {
    toastBox = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(toastBox);
  }
  const t = h('div', { class: 'toast ' + kind, text: message });
  toastBox.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 5000 : 3000);
}

// ---------------------------------------------------------------- formatting

const pad = (n) => String(n).padStart(2, '0');

export function fmtTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const now = new Date();
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === now.toDateString()) return hm;
  return `${d.getMonth() + 1}月${d.getDate()}日 ${hm}`;
}

export function fmtDate(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "3 分钟前" style, for waiting times. */
export function fmtAgo(value) {
  if (!value) return '';
  const s = Math.max(0, Math.round((Date.now() - new Date(value).getTime()) / 1000));
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
  return `${Math.floor(s / 86400)} 天前`;
}

export function fmtMoney(value) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? '¥' + n.toFixed(2) : String(value);
}

export function fmtBytes(n) {
  if (!Number.isFinite(n)) return '';
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

// ---------------------------------------------------------------- labels of the contract's enums

export const LABELS = {
  orderStatus: {
    PENDING_PAYMENT: '待付款', PAID: '待发货', SHIPPED: '运输中', DELIVERED: '已签收', COMPLETED: '已完成', CANCELLED: '已取消',
  },
  caseType: { RETURN_REFUND: '退货退款', REFUND_ONLY: '仅退款', EXCHANGE: '换货', CANCEL: '取消订单' },
  caseReason: {
    NO_REASON: '七天无理由', SIZE: '尺码不合适', QUALITY: '质量问题', DAMAGED: '商品破损', WRONG_ITEM: '发错货',
    NOT_AS_DESCRIBED: '与描述不符', NOT_RECEIVED: '未收到货', OTHER: '其他',
  },
  caseStatus: { APPROVED: '已通过', PENDING_REVIEW: '待审核', NEEDS_EVIDENCE: '待补充凭证', REJECTED: '已驳回' },
  verdict: { AUTHENTIC: '真实', SUSPICIOUS: '可疑', FAKE: '疑似伪造' },
  signal: {
    ai_generator_metadata: 'AI 生成参数', ai_source_type: 'AI 来源标记', c2pa_ai_manifest: 'C2PA 声明为 AI',
    c2pa_manifest: 'C2PA 内容凭证', ai_generator_software: 'AI 生成软件', editing_software: '修图软件',
    missing_camera_metadata: '缺少相机信息', ela_inconsistency: '压缩痕迹不一致', external_detector: '外部检测',
    captured_before_delivery: '拍摄早于签收', reused_photo: '重复使用的照片',
  },
  docStatus: { PROCESSING: '处理中', READY: '可检索', FAILED: '失败' },
  docType: { MARKDOWN: 'Markdown', TEXT: '文本', HTML: 'HTML', PDF: 'PDF', FAQ_CSV: 'FAQ 表格', FAQ_JSON: 'FAQ JSON' },
  handoffStatus: { QUEUED: '排队中', ASSIGNED: '服务中', RESOLVED: '已结束' },
  conversationStatus: { BOT: '智能助手', QUEUED: '排队中', WITH_AGENT: '人工服务中', CLOSED: '已结束' },
  suggestionStatus: { PENDING: '待审核', APPROVED: '已采纳', REJECTED: '已驳回' },
  priority: { 1: '投诉', 2: '健康安全', 3: '普通' },
  handoffReason: { REQUESTED: '买家要求人工', COMPLAINT: '投诉或差评', HEALTH_SAFETY: '健康安全问题', UNANSWERED: '机器人连续未能解答', OTHER: '其他' },
  skill: { general: '通用', pet: '宠物', maternal_infant: '母婴', beauty: '美妆' },
  qualityRule: {
    UNANSWERED: '问题未解答', MISSED_HANDOFF: '未及时转人工', PROHIBITED_PROMISE: '违规承诺', PRIVACY_LEAK: '泄露隐私',
    RUDE: '态度恶劣', SLOW_RESPONSE: '回复超时', POLICY_CONTRADICTION: '承诺与政策不符', NEGATIVE_ENDING: '负面结束',
  },
  severity: { HIGH: '严重', MEDIUM: '一般', LOW: '轻微' },
  webhookEvent: {
    'case.created': '售后单创建', 'case.decided': '售后审核结果', 'order.cancelled': '订单取消', 'handoff.queued': '转人工排队',
    'handoff.resolved': '人工处理完成', 'conversation.closed': '会话结束', 'quality.finding': '质检问题', 'knowledge.ready': '知识文档就绪',
  },
  deliveryStatus: { PENDING: '等待重试', DELIVERED: '已送达', FAILED: '已失败' },
  role: { BUYER: '买家', BOT: '智能助手', AGENT: '客服', SYSTEM: '系统' },
  tool: {
    order_lookup: '查订单', logistics_tracking: '查物流', after_sale_request: '售后申请', cancel_order: '取消订单',
    image_verification: '图片核验', product_recommendation: '商品推荐', knowledge_search: '知识库', handoff_to_human: '转人工',
  },
};

export const label = (group, value) => (value === null || value === undefined ? '' : LABELS[group][value] ?? String(value));

const TONE = {
  caseStatus: { APPROVED: 'ok', PENDING_REVIEW: 'warn', NEEDS_EVIDENCE: 'info', REJECTED: 'bad' },
  orderStatus: { PENDING_PAYMENT: 'warn', PAID: 'info', SHIPPED: 'info', DELIVERED: 'ok', COMPLETED: 'ok', CANCELLED: '' },
  verdict: { AUTHENTIC: 'ok', SUSPICIOUS: 'warn', FAKE: 'bad' },
  docStatus: { PROCESSING: 'info', READY: 'ok', FAILED: 'bad' },
  handoffStatus: { QUEUED: 'warn', ASSIGNED: 'brand', RESOLVED: '' },
  conversationStatus: { BOT: 'brand', QUEUED: 'warn', WITH_AGENT: 'info', CLOSED: '' },
  suggestionStatus: { PENDING: 'warn', APPROVED: 'ok', REJECTED: '' },
  priority: { 1: 'bad', 2: 'warn', 3: '' },
  severity: { HIGH: 'bad', MEDIUM: 'warn', LOW: '' },
};

/** A status badge in the tone its value deserves, e.g. badge('caseStatus', 'APPROVED'). */
export function badge(group, value, extra = {}) {
  const tone = TONE[group]?.[value] ?? '';
  return h('span', { class: `badge ${tone}`, ...extra }, label(group, value));
}

/** A placeholder for an empty list. */
export function empty(iconName, text, hint) {
  return h('div', { class: 'empty' }, icon(iconName), h('div', { text }), hint ? h('div', { class: 'small', text: hint }) : null);
}

/** Reads a value from the query string once and removes it from the address bar, so tokens stay out of history. */
export function takeQueryParam(name) {
  const url = new URL(location.href);
  const value = url.searchParams.get(name);
  if (value !== null) {
    url.searchParams.delete(name);
    history.replaceState(null, '', url.pathname + (url.search ? url.search : '') + url.hash);
  }
  return value;
}
