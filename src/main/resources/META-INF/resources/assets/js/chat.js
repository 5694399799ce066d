// Buyer chat widget: /ws/chat frames (session, delta, reply, handoff, agent_*, error) rendered as a conversation.
import { h, $, clear, icon, toast, fmtTime, takeQueryParam } from './ui.js';
import { api, describe, ApiError } from './api.js';
import { JsonSocket } from './socket.js';
import { renderCard } from './cards.js';

const STORE = { token: 'nectar.buyer.token', shop: 'nectar.buyer.shop' };
const MAX_IMAGES = 9;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const WELCOME = '您好,我是店铺的智能客服。可以帮您查订单、查物流、办理退换货,也可以解答店铺政策等问题。';
const STARTERS = ['我的快递到哪了', '我想退货', '有什么推荐的', '转人工'];
const STAR_LABELS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'];
const ERRORS = {
  RATE_LIMITED: '发送太频繁了,请稍后再试',
  TOO_LONG: '消息太长了,请精简到 1000 字以内',
  EMPTY_MESSAGE: '请输入内容或选择图片',
  CONVERSATION_CLOSED: '会话已结束,请开始新的会话',
  UNKNOWN_ACTION: '这个操作已失效,请重新发起',
};

const log = $('#log');
const input = $('#input');
const quick = $('#quick');
const attachmentsBox = $('#attachments');

const state = {
  token: null,
  socket: null,
  conversationId: null,
  mode: 'bot', // bot | queued | agent
  agentName: null,
  counter: 0,
  pending: new Map(), // replyTo -> typing or streaming element
  confirms: new Map(), // actionId -> confirm box
  attachments: [], // {file, url, imageId, status: uploading|ready}
  ending: false,
  score: 0,
};

// ---------------------------------------------------------------- start

init();

function init() {
  $('#image-btn').append(icon('image'));
  $('#send-btn').append(icon('send'));
  $('#ended-icon').append(icon('check'));
  buildStars();
  bindComposer();
  bindLogin();
  $('#end-btn').addEventListener('click', openRating);
  $('#rating-cancel').addEventListener('click', () => { $('#rating').hidden = true; });
  $('#rating-submit').addEventListener('click', finish);
  $('#restart-btn').addEventListener('click', restart);

  if (new URLSearchParams(location.search).has('embed')) {
    awaitEmbedderToken();
    return;
  }
  const fromUrl = takeQueryParam('token');
  const token = fromUrl || sessionStorage.getItem(STORE.token);
  if (token) start(token.trim());
  else showLogin();
}

/**
 * Inside widget.js's panel on a merchant's site: the buyer's token comes from the embedding page by postMessage, once;
 * a token stored by an earlier visit may be another buyer's, so it is not used.
 */
function awaitEmbedderToken() {
  const listener = (e) => {
    if (e.source !== window.parent || !e.data || e.data.type !== 'nectar-token' || typeof e.data.token !== 'string') return;
    window.removeEventListener('message', listener);
    start(e.data.token.trim());
  };
  window.addEventListener('message', listener);
  window.parent.postMessage({ type: 'nectar-ready' }, '*');
}

function bindLogin() {
  $('#demo-btn').addEventListener('click', async () => {
    const btn = $('#demo-btn');
    btn.disabled = true;
    $('#login-error').textContent = '';
    try {
      const demo = await api(null, 'POST', '/api/demo/buyer-token', {});
      sessionStorage.setItem(STORE.shop, demo.shopName || '');
      start(demo.token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        $('#demo-box').hidden = true;
        $('#login-error').textContent = '此服务器未开启演示店铺,请使用店铺签发的买家令牌。';
      } else {
        $('#login-error').textContent = describe(e);
      }
    } finally {
      btn.disabled = false;
    }
  });
  $('#login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('#token-input').value.trim();
    if (!token) { $('#login-error').textContent = '请输入买家令牌'; return; }
    sessionStorage.removeItem(STORE.shop);
    start(token);
  });
}

function showLogin(message) {
  $('#app').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = message || '';
}

function start(token) {
  state.token = token;
  sessionStorage.setItem(STORE.token, token);
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#chat-title').textContent = sessionStorage.getItem(STORE.shop) || '在线客服';
  connect();
}

function connect() {
  state.ending = false;
  state.socket = new JsonSocket('/ws/chat', state.token, {
    onFrame,
    onState: (s) => {
      if (s === 'open') setStatus();
      else if (s === 'retrying') setStatus('连接已断开,正在重连…', 'offline');
      else if (s === 'connecting' && !state.conversationId) setStatus('连接中…', 'waiting');
    },
    onRejected: () => {
      sessionStorage.removeItem(STORE.token);
      clear(log);
      showLogin('买家令牌无效或已过期,请重新获取。');
    },
  });
}

// ---------------------------------------------------------------- frames from the server

function onFrame(f) {
  switch (f.type) {
    case 'session': return onSession(f);
    case 'delta': return onDelta(f);
    case 'reply': return onReply(f);
    case 'handoff': return onHandoff(f);
    case 'agent_joined': return onAgentJoined(f);
    case 'agent_message':
      stopTyping();
      return addMessage('agent', f.text);
    case 'handoff_ended': return onHandoffEnded();
    case 'error': return onError(f);
    default: return undefined;
  }
}

async function onSession(f) {
  const known = state.conversationId;
  state.conversationId = f.conversationId;
  log.dataset.conversation = f.conversationId;
  if (f.resumed && known === f.conversationId) return; // a reconnect: the log is already on screen
  clear(log);
  setMode('bot');
  if (f.resumed) await loadHistory(f.conversationId);
  if (!log.childElementCount) {
    addMessage('bot', WELCOME);
    setQuickReplies(STARTERS);
  }
}

async function loadHistory(conversationId) {
  try {
    const history = await api(state.token, 'GET', `/api/chat/conversations/${encodeURIComponent(conversationId)}`);
    for (const t of history.turns) {
      const who = t.role === 'BUYER' ? 'buyer' : t.role === 'AGENT' ? 'agent' : 'bot';
      addMessage(who, t.text, { at: t.at, imageCount: t.images?.length || 0 });
    }
    if (history.status === 'QUEUED') setMode('queued', { position: null });
    if (history.status === 'WITH_AGENT') setMode('agent');
    if (history.turns.length) notice('已恢复之前的会话');
  } catch {
    // the history is a convenience: the conversation itself goes on
  }
}

function onDelta(f) {
  let el = state.pending.get(f.replyTo);
  if (!el || !el.classList.contains('streaming')) {
    el?.remove();
    el = messageView('bot', '', { streaming: true });
    log.append(el);
    state.pending.set(f.replyTo, el);
  }
  el.querySelector('.bubble').textContent += f.text;
  scrollDown();
}

function onReply(f) {
  const streamed = takePending(f.replyTo);
  const extras = [];
  for (const c of f.cards || []) {
    const card = renderCard(c);
    if (card) extras.push(card);
  }
  if (f.confirm) extras.push(confirmView(f.confirm));
  const el = messageView('bot', f.text, { extras });
  if (streamed) streamed.replaceWith(el);
  else log.append(el);
  setQuickReplies(f.quickReplies || []);
  scrollDown();
}

function onHandoff(f) {
  takePending(f.replyTo)?.remove();
  if (f.text) addMessage('bot', f.text);
  setQuickReplies([]);
  // agent_joined may overtake the handoff frame that announced the assignment: never step back from the agent
  if (state.mode !== 'agent') setMode(f.status === 'ASSIGNED' ? 'assigned' : 'queued', { position: f.position });
}

function onAgentJoined(f) {
  state.agentName = f.agentName || '人工客服';
  notice(`人工客服 ${state.agentName} 已接入,为您服务`, 'agent');
  setMode('agent', { certifications: f.certifications || [] });
}

function onHandoffEnded() {
  notice('人工服务已结束,智能助手将继续为您服务');
  state.agentName = null;
  setMode('bot');
}

function onError(f) {
  if (f.code === 'UNAUTHORIZED') return; // the socket closes with 1008 and onRejected shows the login
  takePending(f.replyTo)?.remove();
  notice(ERRORS[f.code] || f.message || '出错了,请稍后再试', 'error');
}

// ---------------------------------------------------------------- the log

function messageView(who, text, { at, extras = [], streaming = false, images = [], imageCount = 0 } = {}) {
  const name = who === 'agent' ? `人工客服 ${state.agentName || ''}`.trim() : null;
  const avatarText = who === 'buyer' ? '我' : who === 'agent' ? (state.agentName || '客').slice(0, 1) : '蜜';
  const thumbs = images.length
    ? h('div', { class: 'thumbs' }, images.map((url) => h('img', { src: url, alt: '图片' })))
    : imageCount ? h('div', { class: 'thumbs' }, Array.from({ length: imageCount }, () => h('div', { class: 'ph' }, '图片'))) : null;
  return h('div', { class: `msg ${who}${streaming ? ' streaming' : ''}`, dataset: { role: who } },
    h('div', { class: 'avatar', 'aria-hidden': 'true', text: avatarText }),
    h('div', { class: 'body' },
      name ? h('div', { class: 'name', text: name }) : null,
      thumbs,
      text || streaming ? h('div', { class: 'bubble', text: text || '' }) : null,
      extras,
      h('div', { class: 'time', text: fmtTime(at || new Date()) })));
}

function addMessage(who, text, options) {
  const el = messageView(who, text, options);
  log.append(el);
  scrollDown();
  return el;
}

function notice(text, kind = '') {
  log.append(h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : null, text }));
  scrollDown();
}

function typing(replyTo) {
  const el = h('div', { class: 'msg bot typing', 'aria-label': '正在输入' },
    h('div', { class: 'avatar', 'aria-hidden': 'true', text: '蜜' }),
    h('div', { class: 'body' }, h('div', { class: 'bubble' }, h('i'), h('i'), h('i'))));
  log.append(el);
  state.pending.set(replyTo, el);
  scrollDown();
}

function takePending(replyTo) {
  const el = state.pending.get(replyTo);
  state.pending.delete(replyTo);
  return el;
}

function stopTyping() {
  for (const [id, el] of state.pending) {
    if (el.classList.contains('typing')) { el.remove(); state.pending.delete(id); }
  }
}

function scrollDown() {
  requestAnimationFrame(() => { log.scrollTop = log.scrollHeight; });
}

// ---------------------------------------------------------------- confirmations and quick replies

function confirmView(confirm) {
  const actions = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'btn sm', onclick: () => answer(confirm.actionId, false) }, '取消'),
    h('button', { type: 'button', class: 'btn primary sm', onclick: () => answer(confirm.actionId, true) }, '确认提交'));
  const box = h('div', { class: 'confirm-box', dataset: { action: confirm.actionId } },
    h('div', { class: 'confirm-title' }, '需要您确认'), actions);
  state.confirms.set(confirm.actionId, box);
  return box;
}

/** Answers a confirmation with the contract's confirm frame; the reply names the action id. */
function answer(actionId, accept) {
  const box = state.confirms.get(actionId);
  if (!box) return;
  state.confirms.delete(actionId);
  clear(box, h('div', { class: 'done' }, icon('check'), accept ? '您已确认' : '您已取消'));
  addMessage('buyer', accept ? '确认' : '取消');
  setQuickReplies([]);
  typing(actionId);
  state.socket.send({ type: 'confirm', actionId, accept });
}

function setQuickReplies(replies) {
  clear(quick, replies.map((text) => h('button', {
    type: 'button', class: 'chip',
    onclick: () => {
      // 确认 / 取消 under a confirmation answer it, as its buttons do
      const open = [...state.confirms.keys()].pop();
      if (open && (text === '确认' || text === '取消')) answer(open, text === '确认');
      else send(text);
    },
  }, text)));
}

// ---------------------------------------------------------------- sending

function bindComposer() {
  $('#composer').addEventListener('submit', (e) => { e.preventDefault(); send(input.value); });
  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter breaks the line; never while an input method is composing Chinese
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      send(input.value);
    }
  });
  input.addEventListener('input', autoGrow);
  $('#image-btn').addEventListener('click', () => $('#image-input').click());
  $('#image-input').addEventListener('change', (e) => {
    addImages([...e.target.files]);
    e.target.value = '';
  });
}

function autoGrow() {
  input.style.height = 'auto';
  input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
}

function send(raw) {
  const text = (raw || '').trim();
  if (state.attachments.some((a) => a.status === 'uploading')) { toast('图片还在上传,请稍候'); return; }
  const ready = state.attachments.filter((a) => a.status === 'ready');
  if (!text && !ready.length) return;
  if (!state.conversationId) { toast('正在连接客服,请稍候'); return; }
  const id = `c${Date.now().toString(36)}${(state.counter++).toString(36)}`;
  addMessage('buyer', text, { images: ready.map((a) => a.url) });
  const frame = { type: 'message', id, text };
  if (ready.length) frame.images = ready.map((a) => a.imageId);
  state.socket.send(frame);
  // with an agent the bot stays silent, so nobody is "typing"
  if (state.mode !== 'agent') typing(id);
  input.value = '';
  autoGrow();
  state.attachments = [];
  renderAttachments();
  setQuickReplies([]);
}

// ---------------------------------------------------------------- images

function addImages(files) {
  for (const file of files) {
    if (state.attachments.length >= MAX_IMAGES) { toast(`一次最多发送 ${MAX_IMAGES} 张图片`); break; }
    if (file.size > MAX_IMAGE_BYTES) { toast('图片不能超过 10 MB', 'error'); continue; }
    const a = { file, url: URL.createObjectURL(file), status: 'uploading' };
    state.attachments.push(a);
    upload(a);
  }
  renderAttachments();
}

async function upload(a) {
  const form = new FormData();
  form.append('file', a.file, a.file.name);
  try {
    const uploaded = await api(state.token, 'POST', '/api/chat/images', form);
    a.imageId = uploaded.imageId;
    a.status = 'ready';
  } catch (e) {
    state.attachments = state.attachments.filter((x) => x !== a);
    toast(e instanceof ApiError && e.status === 415 ? '请上传 JPG、PNG、WebP 或 GIF 格式的图片' : describe(e), 'error');
  }
  renderAttachments();
}

function renderAttachments() {
  attachmentsBox.hidden = state.attachments.length === 0;
  clear(attachmentsBox, state.attachments.map((a) => h('div', { class: 'attachment', dataset: { status: a.status } },
    h('img', { src: a.url, alt: '待发送的图片' }),
    a.status === 'uploading' ? h('div', { class: 'state' }, h('span', { class: 'spinner' })) : null,
    h('button', {
      type: 'button', class: 'remove', 'aria-label': '移除图片',
      onclick: () => { state.attachments = state.attachments.filter((x) => x !== a); renderAttachments(); },
    }, icon('close')))));
}

// ---------------------------------------------------------------- handoff status and the header

function setMode(mode, detail = {}) {
  state.mode = mode === 'assigned' ? 'queued' : mode;
  const bar = $('#handoff-bar');
  const avatar = $('#avatar');
  bar.classList.toggle('agent', mode === 'agent');
  avatar.classList.toggle('agent', mode === 'agent');
  avatar.textContent = mode === 'agent' ? (state.agentName || '客').slice(0, 1) : '蜜';
  if (mode === 'bot') {
    bar.hidden = true;
  } else if (mode === 'agent') {
    const certs = (detail.certifications || []).length ? `(${detail.certifications.join('、')})` : '';
    clear(bar, icon('headset'), h('span', { text: `人工客服 ${state.agentName || ''} 正在为您服务${certs}` }));
    bar.hidden = false;
  } else {
    const where = mode === 'assigned' ? '已为您分配人工客服,请稍候'
      : detail.position === 1 ? '正在为您转接人工客服,您是下一位'
        : detail.position ? `正在为您转接人工客服,前面还有 ${detail.position - 1} 位`
          : '正在为您转接人工客服,请稍候';
    clear(bar, h('span', { class: 'spinner' }), h('span', { text: where }));
    bar.hidden = false;
  }
  bar.dataset.mode = mode;
  setStatus();
}

function setStatus(text, tone) {
  const status = $('#chat-status');
  status.classList.remove('offline', 'waiting');
  if (text) {
    if (tone) status.classList.add(tone);
    $('#status-text').textContent = text;
    return;
  }
  if (state.mode === 'agent') $('#status-text').textContent = `人工客服 ${state.agentName || ''}`.trim();
  else if (state.mode === 'queued') { status.classList.add('waiting'); $('#status-text').textContent = '正在转接人工'; }
  else $('#status-text').textContent = '智能助手在线';
}

// ---------------------------------------------------------------- rating and the end

function buildStars() {
  const stars = $('#stars');
  for (let i = 1; i <= 5; i++) {
    stars.append(h('button', {
      type: 'button', class: 'star', role: 'radio', 'aria-checked': 'false', 'aria-label': `${i} 星 ${STAR_LABELS[i]}`,
      dataset: { score: i }, onclick: () => rate(i),
    }, icon('star')));
  }
}

function rate(score) {
  state.score = score;
  for (const star of $('#stars').children) {
    const on = Number(star.dataset.score) <= score;
    star.classList.toggle('on', on);
    star.setAttribute('aria-checked', String(Number(star.dataset.score) === score));
  }
  $('#star-label').textContent = STAR_LABELS[score];
  $('#rating-submit').textContent = '提交评价并结束';
}

function openRating() {
  if (!state.conversationId) return;
  state.score = 0;
  rate(0);
  $('#star-label').textContent = '请为本次服务打分';
  $('#rating-submit').textContent = '结束会话';
  $('#rating').hidden = false;
}

/** Sends the rating (if any), then ends the conversation; the server closes the socket. */
function finish() {
  const last = state.score ? [{ type: 'rate', score: state.score }, { type: 'end' }] : [{ type: 'end' }];
  state.socket.finish(...last);
  $('#rating').hidden = true;
  $('#ended-text').textContent = state.score ? `感谢您的评价(${state.score} 星),祝您购物愉快!` : '感谢您的咨询,祝您购物愉快!';
  $('#ended').hidden = false;
  state.conversationId = null;
  setQuickReplies([]);
}

function restart() {
  $('#ended').hidden = true;
  clear(log);
  state.pending.clear();
  state.confirms.clear();
  state.agentName = null;
  connect();
}
