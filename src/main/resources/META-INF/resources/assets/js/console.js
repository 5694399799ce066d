// Merchant console: knowledge (upload, ingestion progress, delete, search), after-sales review with photo verdicts,
// knowledge suggestions from agents, the handoff queue, conversation transcripts, and quality inspection with agent
// grades, webhooks to the merchant's own systems with their delivery log. Merchant API key auth.
import { h, $, clear, icon, toast, badge, label, fmtTime, fmtAgo, fmtMoney, fmtBytes, empty, LABELS } from './ui.js';
import { api, blobUrl, upload, describe, ApiError } from './api.js';
import { transcriptView } from './transcript.js';

const STORE = 'nectar.merchant.session';
const VIEWS = { knowledge, aftersales, suggestions, handoffs, conversations, quality, webhooks };
const POLL_MS = 1000;
const QUEUE_REFRESH_MS = 5000;
const SEVERITY_TONE = { HIGH: 'bad', MEDIUM: 'warn', LOW: '' };
const DELIVERY_TONE = { DELIVERED: 'ok', PENDING: 'warn', FAILED: 'bad' };

let session = null; // {merchantId, apiKey}
let viewTimer = null; // a view's refresh timer, stopped when the view changes
let viewToken = 0; // bumps on navigation so late answers of a left view are dropped

init();

function init() {
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  $('#drawer-close').append(icon('close'));
  $('#drawer-close').addEventListener('click', closeDrawer);
  $('#drawer').addEventListener('click', (e) => { if (e.target.id === 'drawer') closeDrawer(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDrawer(); });
  window.addEventListener('hashchange', route);
  try { session = JSON.parse(sessionStorage.getItem(STORE)); } catch { session = null; }
  if (session) enter();
  else showLogin();
}

const base = () => `/api/merchants/${encodeURIComponent(session.merchantId)}`;
const call = (method, path, body) => api(session.apiKey, method, base() + path, body);

// ---------------------------------------------------------------- login

function showLogin(message) {
  $('#app').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = message || '';
}

async function login(e) {
  e.preventDefault();
  const merchantId = $('#merchant-input').value.trim();
  const apiKey = $('#key-input').value.trim();
  if (!merchantId || !apiKey) { $('#login-error').textContent = '请填写商户 ID 和 API 密钥'; return; }
  const button = e.submitter;
  if (button) button.disabled = true;
  try {
    // any merchant endpoint checks the pair: 401 for a bad key, 403 for another merchant's key
    await api(apiKey, 'GET', `/api/merchants/${encodeURIComponent(merchantId)}/policy`);
    session = { merchantId, apiKey };
    sessionStorage.setItem(STORE, JSON.stringify(session));
    $('#key-input').value = '';
    enter();
  } catch (err) {
    $('#login-error').textContent = err instanceof ApiError && err.status === 401 ? 'API 密钥无效'
      : err instanceof ApiError && err.status === 403 ? '该密钥不属于这个商户' : describe(err);
  } finally {
    if (button) button.disabled = false;
  }
}

function logout() {
  sessionStorage.removeItem(STORE);
  session = null;
  stopTimer();
  showLogin();
}

function enter() {
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#merchant-badge').textContent = `商户 ${session.merchantId}`;
  route();
  refreshCounts();
}

/** A 401 mid-session means the key was revoked or mistyped: back to the login. */
function failed(err) {
  if (err instanceof ApiError && err.status === 401) {
    logout();
    showLogin('登录已失效,请重新输入 API 密钥');
    return;
  }
  toast(describe(err), 'error');
}

// ---------------------------------------------------------------- navigation

function route() {
  if (!session) return;
  const name = location.hash.slice(1);
  const view = VIEWS[name] ? name : 'knowledge';
  for (const a of $('#nav').querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === view);
  stopTimer();
  closeDrawer();
  viewToken += 1;
  const main = $('#view');
  main.dataset.view = view;
  clear(main);
  VIEWS[view](main, viewToken).catch(failed);
}

function stopTimer() {
  clearInterval(viewTimer);
  clearTimeout(viewTimer);
  viewTimer = null;
}

const stillOn = (token) => token === viewToken;

function pageHead(title, text, ...tools) {
  return h('div', { class: 'page-head' },
    h('div', {}, h('h1', { text: title }), h('p', { text })),
    tools.length ? h('div', { class: 'tools' }, tools) : null);
}

function statusFilter(group, values, current, onChange, allLabel = '全部状态') {
  const select = h('select', { class: 'select', 'aria-label': '按状态筛选' },
    h('option', { value: '' }, allLabel),
    values.map((v) => h('option', { value: v, selected: v === current }, label(group, v))));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

function refreshButton(onClick) {
  return h('button', { type: 'button', class: 'btn', onclick: onClick }, icon('refresh'), '刷新');
}

async function refreshCounts() {
  if (!session) return;
  const show = (id, n) => { const el = $(id); el.hidden = !n; el.textContent = String(n); };
  try {
    const [review, evidence, pending, queued] = await Promise.all([
      call('GET', '/after-sales?status=PENDING_REVIEW'),
      call('GET', '/after-sales?status=NEEDS_EVIDENCE'),
      call('GET', '/knowledge-suggestions?status=PENDING'),
      call('GET', '/handoffs?status=QUEUED'),
    ]);
    show('#count-aftersales', review.length + evidence.length);
    show('#count-suggestions', pending.length);
    show('#count-handoffs', queued.length);
  } catch { /* counts are a hint; the views report errors */ }
}

// ---------------------------------------------------------------- knowledge

async function knowledge(main, token) {
  const docsBody = h('tbody');
  const docCount = h('span', { class: 'badge' }, '0');
  main.append(
    pageHead('知识库', '上传店铺政策、常见问题和商品说明,智能助手会依据它们回答买家。'),
    h('div', { class: 'grid-2' }, uploadPanel(() => loadDocs()), searchPanel()),
    h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, '文档'), docCount, h('div', { class: 'grow' }), refreshButton(() => loadDocs())),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'docs' },
        h('thead', {}, h('tr', {}, ['标题', '类型', '状态', '片段', '大小', '更新时间', ''].map((t) => h('th', { text: t })))),
        docsBody))));

  async function loadDocs() {
    const docs = await call('GET', '/knowledge');
    if (!stillOn(token)) return;
    docCount.textContent = String(docs.length);
    if (!docs.length) {
      clear(docsBody, h('tr', {}, h('td', { colspan: 7 }, empty('doc', '还没有文档', '上传第一份文档,例如退换货政策或发货说明'))));
    } else {
      clear(docsBody, docs.map((d) => docRow(d, loadDocs)));
    }
    // ingestion runs in the background: follow it while anything is still processing
    clearTimeout(viewTimer);
    if (docs.some((d) => d.status === 'PROCESSING')) viewTimer = setTimeout(() => loadDocs().catch(failed), POLL_MS);
  }
  await loadDocs();
}

function docRow(d, reload) {
  const status = d.status === 'PROCESSING'
    ? h('span', { class: 'badge info' }, h('span', { class: 'spinner' }), '处理中')
    : badge('docStatus', d.status);
  const del = deleteButton(async () => {
    await call('DELETE', `/knowledge/${encodeURIComponent(d.docId)}`);
    toast(`已删除「${d.title}」`, 'ok');
    await reload();
  });
  return h('tr', { dataset: { doc: d.docId, status: d.status } },
    h('td', { class: 'primary-cell' },
      h('div', { class: 'doc-title', text: d.title }),
      h('div', { class: 'doc-file', text: d.fileName || '' }),
      d.reason ? h('div', { class: 'fail-reason', text: d.reason }) : null),
    h('td', { 'data-label': '类型', text: label('docType', d.type) }),
    h('td', { 'data-label': '状态' }, status),
    h('td', { 'data-label': '片段', text: String(d.chunks ?? 0) }),
    h('td', { 'data-label': '大小', text: fmtBytes(d.bytes) }),
    h('td', { 'data-label': '更新时间', class: 'nowrap', text: fmtTime(d.updatedAt || d.createdAt) }),
    h('td', { 'data-label': '操作' }, del));
}

function uploadPanel(onUploaded) {
  const fileInput = h('input', { type: 'file', id: 'doc-file', accept: '.md,.markdown,.txt,.html,.htm,.pdf,.csv,.json', hidden: true });
  const fileName = h('div', { class: 'file-name' });
  const zone = h('label', { class: 'dropzone', for: 'doc-file' },
    icon('upload'), h('div', {}, '拖拽文件到这里,或', h('b', {}, '点击选择')), fileName,
    h('div', { class: 'hint' }, '支持 .md .txt .html .pdf;FAQ 支持 .csv(question,answer 两列)和 .json;最大 20 MB'));
  const title = h('input', { class: 'input', id: 'doc-title', placeholder: '标题(可选,默认取文档标题或文件名)', maxlength: 200 });
  const button = h('button', { type: 'submit', class: 'btn primary', id: 'upload-btn', disabled: true }, icon('upload'), '上传');
  const bar = h('div');
  const progress = h('div', { class: 'progress', hidden: true }, bar);
  const status = h('div', { class: 'upload-status', id: 'upload-status', role: 'status' });
  let file = null;

  const choose = (f) => {
    file = f || null;
    fileName.textContent = file ? `${file.name}(${fmtBytes(file.size)})` : '';
    button.disabled = !file;
  };
  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); choose(e.dataTransfer.files[0]); });

  const setStatus = (...children) => clear(status, ...children);

  async function submit(e) {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    if (title.value.trim()) form.append('title', title.value.trim());
    button.disabled = true;
    progress.hidden = false;
    progress.classList.remove('indeterminate');
    bar.style.width = '0';
    setStatus(h('span', { class: 'spinner' }), '上传中 0%');
    try {
      const doc = await upload(session.apiKey, base() + '/knowledge', form, (p) => {
        bar.style.width = `${Math.round(p * 100)}%`;
        setStatus(h('span', { class: 'spinner' }), `上传中 ${Math.round(p * 100)}%`);
        if (p >= 1) { progress.classList.add('indeterminate'); setStatus(h('span', { class: 'spinner' }), '解析与向量化中…'); }
      });
      const done = await followIngestion(doc, (d) => setStatus(h('span', { class: 'spinner' }), `解析与向量化中…已切分 ${d.chunks || 0} 个片段`), onUploaded);
      progress.hidden = true;
      if (done.status === 'READY') {
        setStatus(h('span', { class: 'badge ok' }, '可检索'), `「${done.title}」已就绪,共 ${done.chunks} 个片段`);
        toast('文档已就绪,可以被检索了', 'ok');
      } else {
        setStatus(h('span', { class: 'badge bad' }, '失败'), done.reason || '文档无法解析');
      }
      choose(null);
      fileInput.value = '';
      title.value = '';
    } catch (err) {
      progress.hidden = true;
      setStatus(h('span', { class: 'badge bad' }, '失败'),
        err instanceof ApiError && err.status === 415 ? '不支持的文件类型' : err instanceof ApiError && err.status === 413 ? '文件超过大小上限' : describe(err));
      button.disabled = !file;
      if (err instanceof ApiError && err.status === 401) failed(err);
    }
  }

  return h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, '上传文档')),
    h('form', { class: 'panel-body stack', id: 'upload-form', onsubmit: submit },
      fileInput, zone, title, h('div', { class: 'row' }, button, h('div', { class: 'grow' })), progress, status));
}

/** Polls a document until its ingestion ends; the list follows along. */
async function followIngestion(doc, onProgress, onChange) {
  let d = doc;
  await onChange();
  while (d.status === 'PROCESSING') {
    onProgress(d);
    await new Promise((r) => setTimeout(r, POLL_MS));
    d = await call('GET', `/knowledge/${encodeURIComponent(d.docId)}`);
  }
  await onChange();
  return d;
}

/** A delete button that takes two clicks instead of a native dialog: the first arms it for a few seconds. */
function deleteButton(onDelete) {
  const del = h('button', { type: 'button', class: 'btn danger sm' }, '删除');
  let armed = null;
  del.addEventListener('click', async () => {
    if (!armed) {
      del.textContent = '确认删除';
      del.classList.add('solid');
      armed = setTimeout(() => { armed = null; del.textContent = '删除'; del.classList.remove('solid'); }, 4000);
      return;
    }
    clearTimeout(armed);
    del.disabled = true;
    try {
      await onDelete();
    } catch (err) {
      del.disabled = false;
      failed(err);
    }
  });
  return del;
}

function searchPanel() {
  const query = h('input', { class: 'input', id: 'search-input', placeholder: '输入买家可能会问的问题,例如:几天能发货?', maxlength: 500 });
  const results = h('div', { class: 'hits', id: 'search-results' });
  async function submit(e) {
    e.preventDefault();
    const q = query.value.trim();
    if (!q) return;
    clear(results, h('div', { class: 'upload-status' }, h('span', { class: 'spinner' }), '检索中…'));
    try {
      const { hits } = await call('POST', '/knowledge/search', { query: q, k: 5 });
      clear(results, hits.length ? hits.map(hitView) : empty('search', '没有找到相关内容'));
    } catch (err) {
      clear(results);
      failed(err);
    }
  }
  return h('section', { class: 'panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, '检索测试')),
    h('div', { class: 'panel-body' },
      h('form', { class: 'row', onsubmit: submit }, query, h('button', { type: 'submit', class: 'btn' }, icon('search'), '检索')),
      h('p', { class: 'hint', style: 'margin-top:8px' }, '看看智能助手会找到哪段内容;“可作答”表示相似度达到直接回答的门槛。'),
      results));
}

function hitView(hit) {
  const pct = Math.round((hit.score || 0) * 100);
  return h('div', { class: 'hit' },
    h('div', { class: 'hit-head' },
      h('span', { class: 'hit-title', text: hit.title }),
      hit.headingPath ? h('span', { class: 'heading', text: hit.headingPath }) : null,
      h('div', { class: 'grow' }),
      hit.answerable ? h('span', { class: 'badge ok' }, '可作答') : null,
      h('span', { class: 'score', title: '相关度' }, h('span', { class: 'bar' }, h('i', { style: `width:${pct}%` })), `${pct}%`)),
    h('div', { class: 'hit-text', text: hit.text }));
}

// ---------------------------------------------------------------- after-sales

async function aftersales(main, token, status = 'PENDING_REVIEW') {
  const list = h('div', { class: 'cases', id: 'cases' });
  const filter = statusFilter('caseStatus', Object.keys(LABELS.caseStatus), status, (v) => load(v));
  main.append(pageHead('售后审核', '查看买家的售后申请和凭证照片的核验结果,对待审核的申请做出决定。', filter, refreshButton(() => load(filter.value))), list);

  async function load(s) {
    const cases = await call('GET', '/after-sales' + (s ? `?status=${s}` : ''));
    if (!stillOn(token)) return;
    cases.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    clear(list, cases.length ? cases.map((c) => caseView(c, () => { load(filter.value).catch(failed); refreshCounts(); }))
      : empty('inbox', s ? `没有${label('caseStatus', s)}的售后单` : '还没有售后单'));
  }
  await load(status);
}

function caseView(c, onDecided) {
  const facts = h('dl', { class: 'facts' },
    fact('订单', c.orderId), fact('买家', c.buyerId), fact('金额', fmtMoney(c.amount)),
    fact('商品', (c.items || []).join('、')), fact('换成', c.targetSku), fact('买家说明', c.buyerNote),
    fact('规则判定', c.reasonCode), fact('处理备注', c.decisionNote),
    c.conversationId ? [h('dt', {}, '会话'), h('dd', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); openConversation(c.conversationId); } }, '查看聊天记录'))] : null);
  const evidence = (c.evidence || []).length
    ? h('div', { class: 'evidence' }, h('h3', {}, `凭证照片(${c.evidence.length})`), c.evidence.map(photoView))
    : h('div', { class: 'evidence' }, h('h3', {}, '凭证照片'), h('p', { class: 'muted small' }, '买家没有提供照片'));
  const open = c.status === 'PENDING_REVIEW' || c.status === 'NEEDS_EVIDENCE';
  return h('section', { class: 'panel case', dataset: { case: c.caseId, status: c.status } },
    h('div', { class: 'case-head' },
      h('span', { class: 'case-id', text: c.caseId }),
      h('span', { class: 'badge', text: label('caseType', c.type) }),
      c.reason ? h('span', { class: 'badge', text: label('caseReason', c.reason) }) : null,
      badge('caseStatus', c.status),
      h('div', { class: 'grow' }),
      h('span', { class: 'muted small', text: fmtTime(c.createdAt) })),
    h('div', { class: 'case-body' }, facts, evidence),
    open ? decisionBar(c, onDecided) : null);
}

function fact(name, value) {
  return value === null || value === undefined || value === '' ? null : [h('dt', { text: name }), h('dd', { text: String(value) })];
}

function photoView(e) {
  const thumb = h('div', { class: 'thumb' }, h('span', { class: 'spinner' }));
  const details = h('div', {},
    h('div', { class: 'verdict' }, badge('verdict', e.verdict), h('span', { class: 'mono small muted', text: e.imageId })));
  const tile = h('div', { class: 'photo', dataset: { image: e.imageId } }, thumb, details);
  blobUrl(session.apiKey, `${base()}/images/${encodeURIComponent(e.imageId)}`)
    .then((url) => thumb.replaceWith(h('img', { class: 'thumb', src: url, alt: '凭证照片' })))
    .catch(() => clear(thumb, '无法加载'));
  call('GET', `/images/${encodeURIComponent(e.imageId)}/verification`).then((v) => {
    clear(details,
      h('div', { class: 'verdict' }, badge('verdict', v.verdict),
        h('span', { class: 'small muted', text: `风险分 ${Math.round(v.score * 100)}` })),
      v.signals.length
        ? h('ul', { class: 'signals' }, v.signals.map((s) => h('li', {},
          h('div', { class: 'sig-head' },
            h('span', { class: 'sig-name' + (s.strong ? ' strong' : ''), text: label('signal', s.name) }),
            h('span', { class: 'muted', text: `权重 ${Number(s.weight).toFixed(2)}${s.strong ? ' · 决定性' : ''}` })),
          h('div', { class: 'sig-detail', text: s.detail }))))
        : h('p', { class: 'muted small' }, '未发现可疑迹象'));
  }).catch(() => {});
  return tile;
}

function decisionBar(c, onDecided) {
  const note = h('input', { class: 'input', placeholder: '处理备注(可选)', maxlength: 500 });
  const decide = async (approve, button) => {
    button.disabled = true;
    try {
      const decided = await call('POST', `/after-sales/${encodeURIComponent(c.caseId)}/decision`, { approve, note: note.value.trim() || undefined });
      toast(`售后单 ${decided.caseId} ${label('caseStatus', decided.status)}`, 'ok');
      onDecided();
    } catch (err) {
      button.disabled = false;
      failed(err);
    }
  };
  const reject = h('button', { type: 'button', class: 'btn danger' }, '驳回');
  const approve = h('button', { type: 'button', class: 'btn primary' }, '同意');
  reject.addEventListener('click', () => decide(false, reject));
  approve.addEventListener('click', () => decide(true, approve));
  return h('div', { class: 'decision' }, note, reject, approve);
}

// ---------------------------------------------------------------- knowledge suggestions

async function suggestions(main, token) {
  const list = h('div', { class: 'suggestions', id: 'suggestions' });
  const filter = statusFilter('suggestionStatus', Object.keys(LABELS.suggestionStatus), 'PENDING', (v) => load(v));
  main.append(pageHead('知识建议', '人工客服在结束服务时沉淀的问答;采纳后会加入知识库,智能助手就能直接回答。', filter, refreshButton(() => load(filter.value))), list);

  async function load(s) {
    const items = await call('GET', '/knowledge-suggestions' + (s ? `?status=${s}` : ''));
    if (!stillOn(token)) return;
    clear(list, items.length ? items.map((x) => suggestionView(x, () => { load(filter.value).catch(failed); refreshCounts(); }))
      : empty('inbox', s === 'PENDING' ? '没有待审核的建议' : '没有建议'));
  }
  await load('PENDING');
}

function suggestionView(s, onDecided) {
  const pending = s.status === 'PENDING';
  const question = pending ? h('input', { class: 'input', value: s.question, maxlength: 500, 'aria-label': '问题' })
    : h('div', { class: 'readonly', text: s.question });
  const answer = pending ? h('textarea', { class: 'textarea', maxlength: 4000, 'aria-label': '回答', rows: 3 }, s.answer)
    : h('div', { class: 'readonly', text: s.answer });
  const note = h('input', { class: 'input', placeholder: '驳回理由(可选)', maxlength: 1000 });
  const act = async (path, body, button) => {
    button.disabled = true;
    try {
      await call('POST', `/knowledge-suggestions/${encodeURIComponent(s.suggestionId)}/${path}`, body);
      toast(path === 'approve' ? '已采纳,已加入知识库' : '已驳回', 'ok');
      onDecided();
    } catch (err) {
      button.disabled = false;
      failed(err);
    }
  };
  const approve = h('button', { type: 'button', class: 'btn primary' }, '采纳入库');
  const reject = h('button', { type: 'button', class: 'btn danger' }, '驳回');
  approve.addEventListener('click', () => {
    const body = {};
    if (question.value.trim() !== s.question) body.question = question.value.trim();
    if (answer.value.trim() !== s.answer) body.answer = answer.value.trim();
    act('approve', body, approve);
  });
  reject.addEventListener('click', () => act('reject', note.value.trim() ? { note: note.value.trim() } : {}, reject));
  return h('section', { class: 'panel suggestion', dataset: { suggestion: s.suggestionId } },
    h('div', { class: 'panel-head' }, h('h3', {}, '来自客服 ', s.agentId), badge('suggestionStatus', s.status),
      h('div', { class: 'grow' }), h('span', { class: 'muted small', text: fmtTime(s.createdAt) })),
    h('div', { class: 'panel-body' },
      h('div', { class: 'qa' },
        h('div', { class: 'field' }, h('span', { class: 'label' }, '买家的问题'), question),
        h('div', { class: 'field' }, h('span', { class: 'label' }, '标准回答'), answer)),
      h('div', { class: 'meta' },
        s.conversationId ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); openConversation(s.conversationId); } }, '查看原会话') : null,
        s.docId ? h('span', {}, '知识文档 ', h('span', { class: 'mono', text: s.docId })) : null,
        s.note ? h('span', { text: `备注:${s.note}` }) : null),
      pending ? h('div', { class: 'row wrap' }, note, reject, approve) : null));
}

// ---------------------------------------------------------------- handoff queue

async function handoffs(main, token) {
  const body = h('tbody');
  const filter = statusFilter('handoffStatus', Object.keys(LABELS.handoffStatus), '', () => load(), '全部状态');
  main.append(
    pageHead('人工队列', '转人工的会话:排队、服务中和已结束的。每 5 秒自动刷新。', filter, refreshButton(() => load())),
    h('section', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'handoffs' },
      h('thead', {}, h('tr', {}, ['买家', '优先级', '技能', '原因', '状态', '客服', '开始等待'].map((t) => h('th', { text: t })))),
      body))));

  async function load() {
    const items = await call('GET', '/handoffs' + (filter.value ? `?status=${filter.value}` : ''));
    if (!stillOn(token)) return;
    items.sort((a, b) => (a.status === b.status ? a.priority - b.priority || String(a.createdAt).localeCompare(String(b.createdAt))
      : order(a.status) - order(b.status)));
    clear(body, items.length ? items.map((x) => h('tr', {
      class: 'clickable', dataset: { handoff: x.handoffId, status: x.status }, tabindex: 0,
      onclick: () => openHandoff(x), onkeydown: (e) => { if (e.key === 'Enter') openHandoff(x); },
    },
    h('td', { class: 'primary-cell' }, h('b', { text: x.buyerId })),
    h('td', { 'data-label': '优先级' }, badge('priority', x.priority)),
    h('td', { 'data-label': '技能', text: label('skill', x.skill) }),
    h('td', { 'data-label': '原因', text: label('handoffReason', x.reason) }),
    h('td', { 'data-label': '状态' }, badge('handoffStatus', x.status)),
    h('td', { 'data-label': '客服', text: x.agentId || '—' }),
    h('td', { 'data-label': '开始等待', class: 'nowrap', text: fmtAgo(x.createdAt) })))
      : h('tr', {}, h('td', { colspan: 7 }, empty('headset', '队列是空的', '买家要求人工时,会话会出现在这里'))));
  }
  const order = (s) => ({ QUEUED: 0, ASSIGNED: 1, RESOLVED: 2 }[s] ?? 3);
  await load();
  viewTimer = setInterval(() => { load().catch(() => {}); refreshCounts(); }, QUEUE_REFRESH_MS);
}

function openHandoff(x) {
  openDrawer(`转人工 · 买家 ${x.buyerId}`, async (box) => {
    box.append(h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h3', {}, '摘要'), badge('handoffStatus', x.status), badge('priority', x.priority)),
      h('div', { class: 'panel-body' },
        h('dl', { class: 'facts' }, fact('原因', label('handoffReason', x.reason)), fact('技能', label('skill', x.skill)), fact('客服', x.agentId),
          fact('开始等待', fmtTime(x.createdAt)), fact('结束备注', x.note)),
        h('p', { class: 'pre small', style: 'margin-top:10px', text: x.summary || '' }))));
    await conversationInto(box, x.conversationId);
  });
}

// ---------------------------------------------------------------- conversations

async function conversations(main, token) {
  const body = h('tbody');
  const buyer = h('input', { class: 'input', placeholder: '按买家 ID 筛选', style: 'width:200px' });
  const form = h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); load().catch(failed); } }, buyer, h('button', { class: 'btn', type: 'submit' }, icon('search'), '查询'));
  main.append(pageHead('会话记录', '买家与智能助手、人工客服的全部对话,包括每一步的工具调用。', form),
    h('section', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'conversations' },
      h('thead', {}, h('tr', {}, ['买家', '状态', '满意度', '开始时间', '最近更新'].map((t) => h('th', { text: t })))), body))));

  async function load() {
    const q = buyer.value.trim();
    const items = await call('GET', '/conversations' + (q ? `?buyerId=${encodeURIComponent(q)}` : ''));
    if (!stillOn(token)) return;
    items.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
    clear(body, items.length ? items.slice(0, 200).map((c) => h('tr', {
      class: 'clickable', tabindex: 0, dataset: { conversation: c.conversationId },
      onclick: () => openConversation(c.conversationId), onkeydown: (e) => { if (e.key === 'Enter') openConversation(c.conversationId); },
    },
    h('td', { class: 'primary-cell' }, h('b', { text: c.buyerId })),
    h('td', { 'data-label': '状态' }, badge('conversationStatus', c.status)),
    h('td', { 'data-label': '满意度' }, c.rating ? h('span', { class: 'stars-view', title: `${c.rating} 星` }, '★'.repeat(c.rating) + '☆'.repeat(5 - c.rating)) : h('span', { class: 'muted' }, '—')),
    h('td', { 'data-label': '开始时间', class: 'nowrap', text: fmtTime(c.createdAt) }),
    h('td', { 'data-label': '最近更新', class: 'nowrap', text: fmtAgo(c.updatedAt) })))
      : h('tr', {}, h('td', { colspan: 5 }, empty('chat', '没有会话'))));
  }
  await load();
}

function openConversation(conversationId) {
  openDrawer('聊天记录', (box) => conversationInto(box, conversationId));
}

async function conversationInto(box, conversationId) {
  const c = await call('GET', `/conversations/${encodeURIComponent(conversationId)}`);
  box.append(h('div', { class: 'row wrap' },
    h('span', { class: 'badge', text: `买家 ${c.buyerId}` }), badge('conversationStatus', c.status),
    c.rating ? h('span', { class: 'stars-view', text: '★'.repeat(c.rating) + '☆'.repeat(5 - c.rating) }) : null,
    h('span', { class: 'mono small muted', text: c.conversationId })),
  c.turns.length ? transcriptView(c.turns) : empty('chat', '还没有消息'));
}

// ---------------------------------------------------------------- quality inspection and agent grades

async function quality(main, token) {
  const body = h('tbody');
  const grades = h('tbody');
  let min = '';
  const filter = statusFilter('severity', ['HIGH', 'MEDIUM', 'LOW'], min, (v) => { min = v; load().catch(failed); }, '全部严重程度');
  main.append(pageHead('质检', '每个结束或闲置 30 分钟的会话都会被自动质检,智能助手和人工客服一视同仁;分数由发现的问题扣分得出。', filter, refreshButton(() => load().catch(failed))),
    h('section', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'quality' },
      h('thead', {}, h('tr', {}, ['买家', '得分', '问题', '质检时间'].map((t) => h('th', { text: t })))), body))),
    h('section', { class: 'panel' }, h('h2', { text: '客服分级' }),
      h('p', { class: 'muted small', text: '近 7 天:经验值看接待量,效率值看首次回复速度(对照响应时限),满意度看买家评分,质检看无问题会话占比。' }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'grades' },
        h('thead', {}, h('tr', {}, ['客服', '等级', '建议层级', '经验值', '效率值', '满意度', '质检', '依据'].map((t) => h('th', { text: t })))), grades))));

  async function load() {
    const items = await call('GET', '/quality' + (min ? `?minSeverity=${min}` : ''));
    if (!stillOn(token)) return;
    clear(body, items.length ? items.map((r) => h('tr', {
      class: 'clickable', tabindex: 0, dataset: { quality: r.conversationId },
      onclick: () => openInspection(r.conversationId, load), onkeydown: (e) => { if (e.key === 'Enter') openInspection(r.conversationId, load); },
    },
    h('td', { class: 'primary-cell' }, h('b', { text: r.buyerId })),
    h('td', { 'data-label': '得分' }, h('span', { class: `badge ${r.score >= 90 ? 'ok' : r.score >= 60 ? 'warn' : 'bad'}`, text: String(r.score) })),
    h('td', { 'data-label': '问题' }, h('div', { class: 'row wrap' }, r.findings.length
      ? r.findings.map((f) => h('span', { class: `badge ${f.dismissal ? '' : SEVERITY_TONE[f.severity]}`, title: label('severity', f.severity) },
        label('qualityRule', f.rule), f.dismissal ? '(已撤销)' : ''))
      : h('span', { class: 'muted', text: '无' }))),
    h('td', { 'data-label': '质检时间', class: 'nowrap', text: fmtAgo(r.inspectedAt) })))
      : h('tr', {}, h('td', { colspan: 4 }, empty('chat', '还没有质检记录', '会话结束或闲置 30 分钟后自动质检'))));
    const agents = await call('GET', '/agents');
    const rows = await Promise.all(agents.map((a) => call('GET', `/agents/${encodeURIComponent(a.agentId)}/grade`).then((g) => [a, g])));
    if (!stillOn(token)) return;
    clear(grades, rows.length ? rows.map(([a, g]) => h('tr', { dataset: { agent: a.agentId } },
      h('td', { class: 'primary-cell' }, h('b', { text: a.name }), h('span', { class: 'muted small', text: ` ${a.agentId}` })),
      h('td', { 'data-label': '等级' }, h('span', { class: 'badge brand', text: `L${g.level}` })),
      h('td', { 'data-label': '建议层级', text: `${g.suggestedTier}(当前 ${a.tier})` }),
      h('td', { 'data-label': '经验值', text: String(g.experience) }),
      h('td', { 'data-label': '效率值', text: String(g.efficiency) }),
      h('td', { 'data-label': '满意度', text: String(g.satisfaction) }),
      h('td', { 'data-label': '质检', text: String(g.quality) }),
      h('td', { 'data-label': '依据', class: 'small muted', text: basisText(g.basis) })))
      : h('tr', {}, h('td', { colspan: 8 }, empty('headset', '还没有客服'))));
  }
  await load();
}

function basisText(b) {
  const parts = [`${b.conversations} 个会话`];
  if (b.firstReplySecondsP50 != null) parts.push(`首次回复中位 ${Math.round(b.firstReplySecondsP50)} 秒`);
  if (b.handlingMinutesP50 != null) parts.push(`处理中位 ${b.handlingMinutesP50.toFixed(1)} 分钟`);
  if (b.ratings) parts.push(`${b.ratings} 个评分,均分 ${b.ratingAverage.toFixed(1)}`);
  if (b.findingFreeShare != null) parts.push(`无问题 ${Math.round(b.findingFreeShare * 100)}%`);
  return parts.join(' · ');
}

function openInspection(conversationId, onChange) {
  openDrawer('质检详情', (box) => inspectionInto(box, conversationId, onChange));
}

/** The transcript with each finding beside the turn it is about; a finding can be dismissed with a note. */
async function inspectionInto(box, conversationId, onChange) {
  const id = encodeURIComponent(conversationId);
  const [r, c] = await Promise.all([call('GET', `/quality/conversations/${id}`), call('GET', `/conversations/${id}`)]);
  const byTurn = new Map();
  r.findings.forEach((f, index) => byTurn.set(f.turn, [...(byTurn.get(f.turn) || []), [f, index]]));
  const refill = async () => { clear(box); await inspectionInto(box, conversationId, onChange); onChange().catch(failed); };
  box.append(h('div', { class: 'row wrap' },
    h('span', { class: 'badge', text: `买家 ${r.buyerId}` }),
    h('span', { class: 'badge brand', id: 'quality-score', text: `得分 ${r.score}` }),
    h('span', { class: 'mono small muted', text: r.conversationId })),
  transcriptView(c.turns, null, (el, i) => {
    const here = byTurn.get(i);
    if (!here) return;
    el.classList.add('flagged');
    el.append(...here.map(([f, index]) => findingView(conversationId, f, index, refill)));
  }));
}

function findingView(conversationId, f, index, onDismissed) {
  const head = h('div', { class: 'row wrap' }, badge('severity', f.severity), h('b', { text: label('qualityRule', f.rule) }),
    f.source === 'llm' ? h('span', { class: 'badge info', text: '模型' }) : null);
  const facts = h('div', { class: 'small' }, h('div', { text: f.detail }), f.evidence ? h('div', { class: 'muted', text: `依据:${f.evidence}` }) : null);
  if (f.dismissal) {
    return h('div', { class: 'finding dismissed', dataset: { finding: String(index) } }, head, facts,
      h('div', { class: 'small muted', text: `已撤销:${f.dismissal.note}` }));
  }
  const note = h('input', { class: 'input', placeholder: '撤销说明(必填)', maxlength: 500 });
  const button = h('button', { type: 'button', class: 'btn sm' }, '撤销');
  button.addEventListener('click', async () => {
    if (!note.value.trim()) { note.focus(); toast('请填写撤销说明', 'error'); return; }
    button.disabled = true;
    try {
      await call('POST', `/quality/conversations/${encodeURIComponent(conversationId)}/findings/${index}/dismiss`, { note: note.value.trim() });
      toast('已撤销该问题', 'ok');
      await onDismissed();
    } catch (err) {
      button.disabled = false;
      failed(err);
    }
  });
  return h('div', { class: 'finding', dataset: { finding: String(index) } }, head, facts, h('div', { class: 'row' }, note, button));
}

// ---------------------------------------------------------------- drawer

// ---------------------------------------------------------------- webhooks

async function webhooks(main, token) {
  const body = h('tbody');
  const url = h('input', { class: 'input', id: 'webhook-url', type: 'url', placeholder: 'https://erp.example.com/nectar-hook', required: true });
  const boxes = Object.keys(LABELS.webhookEvent).map((event) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: event, checked: true }), ` ${label('webhookEvent', event)}`));
  const secretBox = h('div', { id: 'webhook-secret', hidden: true });
  async function register(e) {
    e.preventDefault();
    const events = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    if (!events.length) { toast('至少选择一个事件', 'error'); return; }
    const created = await call('POST', '/webhooks', { url: url.value.trim(), events });
    // the signing secret is shown once: the merchant's receiver needs it to verify Nectar-Signature
    clear(secretBox, h('p', { class: 'hint' }, '签名密钥只显示这一次,请保存到您的接收服务中,用于校验 Nectar-Signature:'),
      h('code', { class: 'mono', text: created.secret }));
    secretBox.hidden = false;
    url.value = '';
    await load();
  }
  main.append(pageHead('Webhook 推送', '把售后、取消、转人工、质检等事件推送到您自己的系统(ERP、订单系统),每次推送都带 HMAC 签名,失败会自动重试 24 小时。',
    refreshButton(() => load().catch(failed))),
  h('section', { class: 'panel' }, h('div', { class: 'panel-head' }, h('h2', {}, '新增推送地址')),
    h('form', { class: 'panel-body', id: 'webhook-form', onsubmit: (e) => register(e).catch(failed) },
      h('div', { class: 'field' }, h('label', { for: 'webhook-url' }, '接收地址'), url),
      h('div', { class: 'row wrap' }, boxes),
      h('button', { type: 'submit', class: 'btn primary' }, '添加'), secretBox)),
  h('section', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'webhooks' },
    h('thead', {}, h('tr', {}, ['接收地址', '事件', '添加时间', ''].map((t) => h('th', { text: t })))), body))));

  async function load() {
    const hooks = await call('GET', '/webhooks');
    if (!stillOn(token)) return;
    clear(body, hooks.length ? hooks.map((w) => h('tr', { dataset: { webhook: w.webhookId } },
      h('td', { class: 'primary-cell mono', text: w.url }),
      h('td', { 'data-label': '事件', class: 'small', text: w.events.map((e) => label('webhookEvent', e)).join('、') }),
      h('td', { 'data-label': '添加时间', class: 'nowrap', text: fmtTime(w.createdAt) }),
      h('td', { 'data-label': '操作' }, h('div', { class: 'row' },
        h('button', { type: 'button', class: 'btn sm', onclick: () => openDeliveries(w) }, '推送记录'),
        deleteButton(async () => {
          await call('DELETE', `/webhooks/${encodeURIComponent(w.webhookId)}`);
          toast('已删除推送地址', 'ok');
          await load();
        })))))
      : h('tr', {}, h('td', { colspan: 4 }, empty('inbox', '还没有推送地址', '添加一个地址,事件发生时会推送给您的系统'))));
  }
  await load();
}

function openDeliveries(w) {
  openDrawer(`推送记录 · ${w.url}`, async (box) => {
    const list = h('tbody');
    box.append(h('div', { class: 'table-wrap' }, h('table', { class: 'table responsive', id: 'deliveries' },
      h('thead', {}, h('tr', {}, ['事件', '状态', '尝试次数', '最近一次', '对方响应', ''].map((t) => h('th', { text: t })))), list)));
    async function load() {
      const deliveries = await call('GET', `/webhooks/${encodeURIComponent(w.webhookId)}/deliveries`);
      clear(list, deliveries.length ? deliveries.map((d) => h('tr', { dataset: { delivery: d.deliveryId, status: d.status } },
        h('td', { class: 'primary-cell', text: label('webhookEvent', d.event) }),
        h('td', { 'data-label': '状态' }, h('span', { class: `badge ${DELIVERY_TONE[d.status] || ''}`, text: label('deliveryStatus', d.status) })),
        h('td', { 'data-label': '尝试次数', text: String(d.attempts) }),
        h('td', { 'data-label': '最近一次', class: 'nowrap', text: d.lastAttemptAt ? fmtAgo(d.lastAttemptAt) : '—' }),
        h('td', { 'data-label': '对方响应', text: d.responseStatus ? String(d.responseStatus) : '—' }),
        h('td', { 'data-label': '操作' }, h('button', {
          type: 'button', class: 'btn sm', onclick: async (e) => {
            e.currentTarget.disabled = true;
            await call('POST', `/webhooks/${encodeURIComponent(w.webhookId)}/deliveries/${encodeURIComponent(d.deliveryId)}/resend`)
              .then(() => { toast('已重新加入推送队列', 'ok'); return load(); }, failed);
          },
        }, '重新推送'))))
        : h('tr', {}, h('td', { colspan: 6 }, empty('inbox', '还没有推送'))));
      // a delivery waiting for its next attempt is followed while the drawer is open
      if (deliveries.some((d) => d.status === 'PENDING')) setTimeout(() => { if (!$('#drawer').hidden) load().catch(failed); }, POLL_MS * 2);
    }
    await load();
  });
}

function openDrawer(title, fill) {
  $('#drawer-title').textContent = title;
  const body = clear($('#drawer-body'));
  $('#drawer').hidden = false;
  fill(body).catch((err) => { closeDrawer(); failed(err); });
}

function closeDrawer() {
  $('#drawer').hidden = true;
}
