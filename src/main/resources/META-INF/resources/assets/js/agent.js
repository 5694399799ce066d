// Agent workbench over /ws/agent: availability, assigned conversations with transcript and summary, replies, resolve;
// and, between conversations, the agent's own grade and recent quality findings (GET /api/agent/quality).
import { h, $, clear, icon, toast, badge, label, fmtAgo, fmtTime, empty, takeQueryParam } from './ui.js';
import { JsonSocket } from './socket.js';
import { api } from './api.js';
import { turnView } from './transcript.js';

const STORE = 'nectar.agent.token';
const ERRORS = {
  NOT_ASSIGNED: '该会话已不在您名下',
  CONVERSATION_CLOSED: '买家已结束会话,请结束服务',
  TOO_LONG: '内容太长了',
  EMPTY_MESSAGE: '请输入回复内容',
};

const state = {
  socket: null,
  token: null,
  me: null,
  available: false,
  conversations: new Map(), // conversationId -> {handoff, turns, unread}
  selected: null,
};

init();

function init() {
  $('#logout').append(icon('logout'));
  $('#logout').addEventListener('click', logout);
  $('#login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('#token-input').value.trim();
    if (!token) { $('#login-error').textContent = '请输入客服令牌'; return; }
    start(token);
  });
  $('#available').addEventListener('change', (e) => {
    state.socket.send({ type: 'status', available: e.target.checked });
  });
  bindResolve();
  setInterval(renderList, 30000); // waiting times
  const token = takeQueryParam('token') || sessionStorage.getItem(STORE);
  if (token) start(token.trim());
  else showLogin();
}

function showLogin(message) {
  $('#app').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = message || '';
}

function start(token) {
  sessionStorage.setItem(STORE, token);
  state.token = token;
  state.socket?.close();
  state.socket = new JsonSocket('/ws/agent', token, {
    onFrame,
    onState: (s) => {
      const bar = $('#conn-bar');
      bar.hidden = s !== 'retrying';
      bar.textContent = '与服务器的连接已断开,正在重连…您的会话会保留一段时间。';
    },
    onRejected: () => {
      sessionStorage.removeItem(STORE);
      showLogin('客服令牌无效,请检查后重试。');
    },
  });
}

function logout() {
  state.socket?.close();
  sessionStorage.removeItem(STORE);
  state.conversations.clear();
  state.selected = null;
  $('#token-input').value = '';
  showLogin();
}

// ---------------------------------------------------------------- frames

function onFrame(f) {
  switch (f.type) {
    case 'ready': return onReady(f);
    case 'status': return setAvailability(f.available, f.load);
    case 'assigned': return onAssigned(f);
    case 'buyer_message': return onBuyerMessage(f);
    case 'resolved': return onResolved(f);
    case 'error':
      if (f.code !== 'UNAUTHORIZED') toast(ERRORS[f.code] || f.message, 'error');
      return undefined;
    default: return undefined;
  }
}

function onReady(f) {
  state.me = f;
  // the server follows with an assigned frame for every conversation the agent holds, also after a reconnect
  state.conversations.clear();
  $('#login').hidden = true;
  $('#app').hidden = false;
  clear($('#me'),
    h('span', { class: 'name', text: f.name }),
    h('span', { class: 'badge' }, `L${f.tier}`),
    h('span', { class: 'certs row' }, (f.certifications || []).map((c) => h('span', { class: 'badge brand', text: label('skill', c) }))));
  setAvailability(f.available, state.conversations.size);
  renderList();
  renderMain();
}

function setAvailability(available, load) {
  state.available = available;
  $('#available').checked = available;
  $('#available-text').textContent = available ? '接待中' : '暂停接待';
  if (Number.isFinite(load)) $('#load').textContent = `接待 ${load}/${state.me?.maxConcurrent ?? '-'}`;
}

function onAssigned(f) {
  const id = f.handoff.conversationId;
  const known = state.conversations.get(id);
  state.conversations.set(id, { handoff: f.handoff, turns: f.transcript || [], unread: known?.unread || 0 });
  if (!known) toast(`新会话:买家 ${f.handoff.buyerId}`, 'ok');
  if (!state.selected) state.selected = id;
  updateLoad();
  renderList();
  if (state.selected === id) renderMain();
}

function onBuyerMessage(f) {
  const conv = state.conversations.get(f.conversationId);
  if (!conv) return;
  const turn = { role: 'BUYER', text: f.text, images: f.images, at: new Date().toISOString() };
  conv.turns.push(turn);
  if (state.selected === f.conversationId) appendTurn(turn);
  else conv.unread += 1;
  renderList();
}

function onResolved(f) {
  state.conversations.delete(f.conversationId);
  if (state.selected === f.conversationId) state.selected = state.conversations.keys().next().value || null;
  toast(f.suggestionId ? '已结束服务,知识建议已提交商家审核' : '已结束服务', 'ok');
  updateLoad();
  renderList();
  renderMain();
}

function updateLoad() {
  $('#load').textContent = `接待 ${state.conversations.size}/${state.me?.maxConcurrent ?? '-'}`;
}

// ---------------------------------------------------------------- list

function renderList() {
  const list = $('#conversations');
  $('#count').textContent = String(state.conversations.size);
  if (!state.conversations.size) {
    clear(list, empty('inbox', '暂无分配给您的会话', state.available ? '保持在线,新会话会自动分配给您' : '打开“接待中”开始接收会话'));
    return;
  }
  clear(list, [...state.conversations.entries()].map(([id, c]) => {
    const last = [...c.turns].reverse().find((t) => t.role === 'BUYER');
    return h('button', {
      type: 'button', class: 'conv-item' + (id === state.selected ? ' selected' : ''), dataset: { conversation: id },
      onclick: () => select(id),
    },
    h('div', { class: 'top' },
      h('span', { class: 'buyer', text: c.handoff.buyerId }),
      c.handoff.priority < 3 ? badge('priority', c.handoff.priority) : null,
      c.unread ? h('span', { class: 'unread', text: String(c.unread) }) : null),
    h('div', { class: 'preview', text: last ? (last.text || '[图片]') : label('handoffReason', c.handoff.reason) }),
    h('div', { class: 'meta' },
      h('span', { class: 'badge brand', text: label('skill', c.handoff.skill) }),
      h('span', { text: `等待 ${fmtAgo(c.handoff.createdAt)}` })));
  }));
}

function select(id) {
  state.selected = id;
  const c = state.conversations.get(id);
  if (c) c.unread = 0;
  renderList();
  renderMain();
}

// ---------------------------------------------------------------- conversation

function renderMain() {
  const main = $('#main');
  const c = state.conversations.get(state.selected);
  $('.wb-body').classList.toggle('has-selection', Boolean(c));
  if (!c) {
    const mine = h('section', { class: 'panel my-quality', id: 'my-quality' });
    clear(main, empty('headset', '选择左侧的会话开始服务', '新会话分配给您时会自动出现在列表中'), mine);
    myQuality(mine);
    return;
  }
  const hd = c.handoff;
  const transcript = h('div', { class: 'conv-transcript', id: 'transcript' },
    h('div', { class: 'transcript' }, c.turns.map((t) => turnView(t, state.me?.name))));
  const text = h('textarea', { class: 'textarea', id: 'reply-input', rows: 2, maxlength: 2000, placeholder: '输入回复,Enter 发送,Shift+Enter 换行' });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      reply(text);
    }
  });
  const form = h('form', { class: 'conv-reply', onsubmit: (e) => { e.preventDefault(); reply(text); } },
    text, h('button', { type: 'submit', class: 'btn primary', id: 'reply-send' }, '发送'));

  const info = h('details', { class: 'conv-info', open: window.matchMedia('(min-width: 1101px)').matches },
    h('summary', {}, '会话摘要'),
    h('div', { class: 'info-body' },
      hd.generalFallback ? h('div', { class: 'fallback-note' }, `该会话需要“${label('skill', hd.skill)}”资质,暂无持证客服,已由您接待`) : null,
      h('div', { class: 'summary-text', id: 'summary', text: hd.summary || '暂无摘要' }),
      h('dl', { class: 'info-grid' },
        h('dt', {}, '买家'), h('dd', { text: hd.buyerId }),
        h('dt', {}, '转人工原因'), h('dd', { text: label('handoffReason', hd.reason) || '—' }),
        h('dt', {}, '所需技能'), h('dd', { text: label('skill', hd.skill) }),
        h('dt', {}, '优先级'), h('dd', {}, badge('priority', hd.priority)),
        h('dt', {}, '开始等待'), h('dd', { text: `${fmtTime(hd.createdAt)}(${fmtAgo(hd.createdAt)})` }),
        h('dt', {}, '会话编号'), h('dd', { class: 'mono small', text: hd.conversationId }))));

  clear(main, h('div', { class: 'conv' },
    h('div', { class: 'conv-head' },
      h('button', { type: 'button', class: 'btn ghost sm back', 'aria-label': '返回列表', onclick: () => { state.selected = null; renderList(); renderMain(); } }, icon('back')),
      h('h2', { text: `买家 ${hd.buyerId}` }),
      badge('priority', hd.priority),
      h('span', { class: 'badge brand', text: label('skill', hd.skill) }),
      h('div', { class: 'grow' }),
      h('button', { type: 'button', class: 'btn danger sm', id: 'resolve-btn', onclick: () => openResolve(c) }, '结束服务')),
    h('div', { class: 'conv-grid' }, h('div', { class: 'conv-center' }, transcript, form), info)));
  transcript.scrollTop = transcript.scrollHeight;
}

function appendTurn(turn) {
  const box = $('#transcript');
  if (!box) return;
  box.firstElementChild.append(turnView(turn, state.me?.name));
  box.scrollTop = box.scrollHeight;
}

function reply(textarea) {
  const text = textarea.value.trim();
  const id = state.selected;
  if (!text || !id) return;
  state.socket.send({ type: 'message', conversationId: id, text });
  const turn = { role: 'AGENT', text, at: new Date().toISOString() };
  state.conversations.get(id).turns.push(turn);
  appendTurn(turn);
  textarea.value = '';
}

// ---------------------------------------------------------------- resolve

function bindResolve() {
  $('#suggest').addEventListener('change', (e) => { $('#suggest-fields').hidden = !e.target.checked; });
  $('#resolve-cancel').addEventListener('click', () => { $('#resolve').hidden = true; });
  $('#resolve-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('#resolve-form').dataset.conversation;
    const frame = { type: 'resolve', conversationId: id };
    const note = $('#resolve-note').value.trim();
    if (note) frame.note = note;
    if ($('#suggest').checked) {
      const question = $('#suggest-question').value.trim();
      const answer = $('#suggest-answer').value.trim();
      if (!question || !answer) { toast('请填写问题和标准回答', 'error'); return; }
      frame.knowledge = { question, answer };
    }
    state.socket.send(frame);
    $('#resolve').hidden = true;
  });
}

function openResolve(c) {
  const form = $('#resolve-form');
  form.dataset.conversation = c.handoff.conversationId;
  form.reset();
  $('#suggest-fields').hidden = true;
  // the buyer's last question and the agent's last answer are the likely knowledge entry
  const lastQuestion = [...c.turns].reverse().find((t) => t.role === 'BUYER' && t.text);
  const lastAnswer = [...c.turns].reverse().find((t) => t.role === 'AGENT' && t.text);
  $('#suggest-question').value = lastQuestion?.text || '';
  $('#suggest-answer').value = lastAnswer?.text || '';
  $('#resolve').hidden = false;
  $('#resolve-note').focus();
}

/** The agent's own grade over the last 7 days and the findings they answer for; a failure leaves the panel out. */
async function myQuality(box) {
  let q;
  try {
    q = await api(state.token, 'GET', '/api/agent/quality');
  } catch {
    box.remove();
    return;
  }
  const g = q.grade;
  box.append(h('h2', { text: '我的服务评级' }),
    h('div', { class: 'row wrap' },
      h('span', { class: 'badge brand', id: 'my-level', text: `L${g.level}` }),
      ...[['经验值', g.experience], ['效率值', g.efficiency], ['满意度', g.satisfaction], ['质检', g.quality]]
        .map(([name, v]) => h('span', { class: 'badge', text: `${name} ${v}` }))),
    h('p', { class: 'muted small', text: `近 7 天 ${g.basis.conversations} 个会话` }),
    q.findings.length
      ? h('ul', { class: 'stack small' }, q.findings.map((f) => h('li', {},
        h('b', { text: label('qualityRule', f.finding.rule) }), ` · ${f.finding.detail}`,
        f.finding.dismissal ? h('span', { class: 'muted', text: '(商家已撤销)' }) : null,
        h('span', { class: 'muted', text: ` · ${fmtAgo(f.inspectedAt)}` }))))
      : h('p', { class: 'muted small', text: '最近没有质检问题,继续保持。' }));
}
