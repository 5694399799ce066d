// Drives Nectar's pages in Debian's headless Chromium, one flow per run:
//   NECTAR_E2E='{"baseUrl":...}' node pages.e2e.mjs <flow>
// The shop, its data and the words used are set up by dev.nectar.web.WebPagesIT, which passes them in NECTAR_E2E and
// checks afterwards through the API that the server did what the pages showed. The last line printed is
// `RESULT {json}` with what the flow saw (ids shown on the page); any failure exits non-zero with the reason.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import path from 'node:path';
import { png } from './png.mjs';

const cfg = JSON.parse(process.env.NECTAR_E2E || '{}');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 20000;

// ---------------------------------------------------------------- helpers

async function open(pagePath, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => pageErrors.push(`${pagePath}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`${pagePath}: ${m.text()}`); });
  await page.goto(cfg.baseUrl + pagePath);
  return page;
}

const chatWith = (token) => open(`/chat.html?token=${encodeURIComponent(token)}`);

/** Desktop and phone screenshots of the page as it is now, under target/screenshots. */
async function screenshots(page, baseName) {
  fs.mkdirSync(cfg.shotsDir, { recursive: true });
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove())); // transient, and in the way
  for (const [tag, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300); // layout and smooth scrolling settle
    await page.screenshot({ path: path.join(cfg.shotsDir, `${baseName}-${tag}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

async function say(page, text) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await page.locator('.msg.buyer .bubble', { hasText: text }).last().waitFor();
}

/** The text of the last bot message once it is there and finished (no typing dots, no streaming caret). */
async function lastBotText(page) {
  await page.waitForFunction(() => !document.querySelector('.msg.typing, .msg.streaming'));
  return page.locator('.msg.bot:not(.typing) .bubble').last().innerText();
}

async function consoleLogin(page) {
  await page.fill('#merchant-input', cfg.merchantId);
  await page.fill('#key-input', cfg.apiKey);
  await page.click('#login-form button[type=submit]');
  await page.locator('#app').waitFor({ state: 'visible' });
}

async function apiGet(p) {
  const r = await fetch(cfg.baseUrl + p, { headers: { Authorization: `Bearer ${cfg.apiKey}` } });
  return { status: r.status, body: r.status === 200 ? await r.json() : null };
}

// ---------------------------------------------------------------- flows

/** A buyer asks a question a knowledge document answers, and reads the answer. */
async function knowledge() {
  const page = await chatWith(cfg.buyers.knowledge);
  await page.locator('.msg.bot').first().waitFor(); // the welcome
  await say(page, cfg.knowledge.question);
  await page.locator('.msg.bot .bubble', { hasText: cfg.knowledge.expect }).waitFor();
  const answer = await lastBotText(page);
  assert.ok(answer.includes(cfg.knowledge.expect), `the bot answered: ${answer}`);
  return { conversationId: await page.locator('#log').getAttribute('data-conversation'), answer };
}

/** A buyer asks for a return, clicks the confirm button and sees the approved case. */
async function returns() {
  const page = await chatWith(cfg.buyers.returns);
  await page.locator('.msg.bot').first().waitFor();
  await say(page, cfg.returns.text);
  const confirm = page.locator('.confirm-box button.primary');
  await confirm.waitFor();
  const summary = await lastBotText(page);
  assert.ok(summary.includes(cfg.returns.orderId), `the confirmation names the order: ${summary}`);
  assert.equal(await page.locator('.card-after_sale').count(), 0, 'no case before the yes');
  await confirm.click();
  await page.locator('.confirm-box .done', { hasText: '您已确认' }).waitFor();
  const card = page.locator('.card-after_sale').last();
  await card.waitFor();
  const caseId = (await card.locator('.card-title .mono').innerText()).trim();
  assert.match(await card.innerText(), /已通过/);
  assert.match(await card.innerText(), /退货退款/);
  await screenshots(page, 'chat');
  return { caseId };
}

/** 转人工: the agent, online in the workbench, gets the conversation, replies, and the buyer reads the reply. */
async function handoff() {
  const agent = await open(`/agent.html?token=${encodeURIComponent(cfg.agentToken)}`);
  await agent.locator('#app').waitFor({ state: 'visible' });
  await agent.locator('#me .name', { hasText: cfg.agentName }).waitFor();
  // availability: off, then on again
  const toggle = agent.locator('label.switch');
  await agent.waitForFunction(() => document.querySelector('#available-text').textContent === '接待中');
  await toggle.click();
  await agent.waitForFunction(() => document.querySelector('#available-text').textContent === '暂停接待');
  await toggle.click();
  await agent.waitForFunction(() => document.querySelector('#available-text').textContent === '接待中');

  const buyer = await chatWith(cfg.buyers.handoff);
  await buyer.locator('.msg.bot').first().waitFor();
  await say(buyer, cfg.handoff.before);
  await lastBotText(buyer);
  await say(buyer, '转人工');
  await buyer.locator('#handoff-bar').waitFor({ state: 'visible' });
  await buyer.locator('.notice.agent', { hasText: cfg.agentName }).waitFor();

  // the workbench shows the conversation with its transcript and summary
  const item = agent.locator('.conv-item', { hasText: cfg.handoff.buyerId });
  await item.waitFor();
  await item.click();
  await agent.locator('.transcript .turn.buyer .bubble', { hasText: '转人工' }).waitFor();
  await agent.locator('.transcript .turn.buyer .bubble', { hasText: cfg.handoff.before }).waitFor();
  const summary = await agent.locator('#summary').innerText();
  assert.ok(summary.includes(cfg.handoff.buyerId), `the summary names the buyer: ${summary}`);

  await agent.fill('#reply-input', cfg.handoff.reply);
  await agent.press('#reply-input', 'Enter');
  await buyer.locator('.msg.agent .bubble', { hasText: cfg.handoff.reply }).waitFor();
  // and the buyer's answer reaches the agent
  await say(buyer, cfg.handoff.answer);
  await agent.locator('.transcript .turn.buyer .bubble', { hasText: cfg.handoff.answer }).waitFor();
  await screenshots(agent, 'agent');
  await screenshots(buyer, 'chat-agent');

  // the agent resolves and proposes what they learned
  await agent.click('#resolve-btn');
  await agent.locator('#resolve').waitFor({ state: 'visible' });
  await agent.fill('#resolve-note', cfg.handoff.note);
  await agent.check('#suggest');
  await agent.fill('#suggest-question', cfg.handoff.question);
  await agent.fill('#suggest-answer', cfg.handoff.reply);
  await agent.click('#resolve-form button[type=submit]');
  await item.waitFor({ state: 'detached' });
  await buyer.locator('.notice', { hasText: '人工服务已结束' }).waitFor();

  // the merchant approves the suggestion into the knowledge base
  const merchant = await open('/console.html#suggestions');
  await consoleLogin(merchant);
  // a pending suggestion is editable: its question is the value of an input
  const suggestion = merchant.locator('.suggestion').filter({ has: merchant.locator(`input[value="${cfg.handoff.question}"]`) });
  await suggestion.waitFor();
  const suggestionId = await suggestion.getAttribute('data-suggestion');
  await suggestion.locator('button', { hasText: '采纳入库' }).click();
  await merchant.locator('.toast', { hasText: '已采纳' }).waitFor();
  return { conversationId: await buyer.locator('#log').getAttribute('data-conversation'), suggestionId };
}

/** The merchant uploads a document in the console, sees it become READY, finds it by search, then deletes it. */
async function upload() {
  const page = await open('/console.html');
  // a wrong key is refused on the login form
  await page.fill('#merchant-input', cfg.merchantId);
  await page.fill('#key-input', 'nk_not-a-key');
  await page.click('#login-form button[type=submit]');
  await page.locator('#login-error', { hasText: 'API 密钥无效' }).waitFor();
  await consoleLogin(page);
  await page.locator('#docs tbody tr').first().waitFor();
  await page.setInputFiles('#doc-file', { name: cfg.upload.fileName, mimeType: 'text/markdown', buffer: Buffer.from(cfg.upload.content, 'utf8') });
  await page.locator('.dropzone .file-name', { hasText: cfg.upload.fileName }).waitFor();
  await page.click('#upload-btn');
  await page.locator('#upload-status', { hasText: '已就绪' }).waitFor({ timeout: 60000 });
  const row = page.locator('#docs tbody tr', { hasText: cfg.upload.fileName });
  await row.locator('.badge', { hasText: '可检索' }).waitFor();
  const docId = await row.getAttribute('data-doc');
  assert.equal(await row.getAttribute('data-status'), 'READY');
  const doc = await apiGet(`/api/merchants/${cfg.merchantId}/knowledge/${docId}`);
  assert.equal(doc.body?.status, 'READY', 'the API agrees the document is ready');

  await page.fill('#search-input', cfg.upload.query);
  await page.press('#search-input', 'Enter');
  await page.locator('.hit .hit-title', { hasText: cfg.upload.title }).first().waitFor();
  await screenshots(page, 'console');

  // delete: the first click arms the button, the second deletes
  await row.locator('button', { hasText: '删除' }).click();
  await row.locator('button', { hasText: '确认删除' }).click();
  await page.locator('.toast', { hasText: '已删除' }).waitFor();
  await page.locator(`#docs tr[data-doc="${docId}"]`).waitFor({ state: 'detached' });
  return { docId };
}

/** A buyer sends a photo with a damage claim; the merchant sees its verdict and signals and approves the case. */
async function evidence() {
  const page = await chatWith(cfg.buyers.evidence);
  await page.locator('.msg.bot').first().waitFor();
  const photo = png(480, 360, { parameters: cfg.evidence.generatorParameters });
  await page.setInputFiles('#image-input', { name: 'damage.png', mimeType: 'image/png', buffer: photo });
  await page.locator('.attachment[data-status=ready]').waitFor();
  await say(page, cfg.evidence.text);
  await page.locator('.msg.buyer .thumbs img').last().waitFor();
  const confirm = page.locator('.confirm-box button.primary');
  await confirm.waitFor();
  await confirm.click();
  const card = page.locator('.card-after_sale').last();
  await card.waitFor();
  assert.match(await card.innerText(), /待审核/);
  const caseId = (await card.locator('.card-title .mono').innerText()).trim();

  const merchant = await open('/console.html#aftersales');
  await consoleLogin(merchant);
  const box = merchant.locator(`.case[data-case="${caseId}"]`);
  await box.waitFor();
  await box.locator('.photo img.thumb').waitFor();
  await box.locator('.photo .badge', { hasText: '疑似伪造' }).first().waitFor();
  await box.locator('.signals .sig-name', { hasText: 'AI 生成参数' }).waitFor();
  await screenshots(merchant, 'console-aftersales');
  await box.locator('.decision input').fill(cfg.evidence.note);
  await box.locator('.decision button', { hasText: '同意' }).click();
  await merchant.locator('.toast', { hasText: caseId }).waitFor();
  await box.waitFor({ state: 'detached' }); // gone from the pending list
  return { caseId };
}

/** A refused token brings back the login; there the demo button starts a conversation with the demo shop. */
async function demo() {
  // a token the server refuses (close code 1008) brings back the login, with the reason
  const page = await open('/chat.html?token=nb1.not-a-token');
  await page.locator('#login-error', { hasText: '无效' }).waitFor();
  await page.locator('#login').waitFor({ state: 'visible' });
  await page.click('#demo-btn');
  await page.locator('.msg.bot').first().waitFor();
  await page.waitForFunction(() => document.querySelector('#log').dataset.conversation);
  const title = await page.locator('#chat-title').innerText();
  assert.notEqual(title.trim(), '', 'the demo shop names itself');
  return { title: title.trim(), conversationId: await page.locator('#log').getAttribute('data-conversation') };
}

/**
 * Every server frame of the contract, as the chat page renders it. A scripted stand-in for /ws/chat plays the
 * server (the real flows above use the real one): the embedded planner never streams, so this is where `delta`,
 * the order, logistics and product cards, queue positions and errors are seen in a browser.
 */
async function frames() {
  const received = [];
  let server;
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => pageErrors.push(`frames: ${e.message}`));
  await page.routeWebSocket(/\/ws\/chat/, (ws) => {
    server = ws;
    ws.onMessage((m) => received.push(JSON.parse(m)));
    ws.send(JSON.stringify({ type: 'session', conversationId: 'cv-scripted', resumed: false }));
  });
  const send = (frame) => server.send(JSON.stringify(frame));
  /** The first frame of this type the page sent, waiting up to 5 s for it. */
  const nextFrom = async (type) => {
    for (let i = 0; i < 100 && !received.some((f) => f.type === type); i++) await page.waitForTimeout(50);
    const f = received.find((x) => x.type === type);
    assert.ok(f, `the page sent a ${type} frame; it sent ${JSON.stringify(received)}`);
    received.splice(received.indexOf(f), 1);
    return f;
  };
  await page.goto(`${cfg.baseUrl}/chat.html?token=scripted`);
  await page.locator('.msg.bot').first().waitFor();

  await say(page, '有什么杯子推荐');
  const asked = await nextFrom('message');
  assert.equal(asked.text, '有什么杯子推荐');
  send({ type: 'delta', replyTo: asked.id, text: '为您挑了' });
  send({ type: 'delta', replyTo: asked.id, text: '一款杯子,' });
  await page.locator('.msg.streaming .bubble', { hasText: '为您挑了一款杯子,' }).waitFor();
  send({
    type: 'reply', replyTo: asked.id, text: '为您挑了一款杯子,另附您最近的订单。', quickReplies: ['再看看别的'],
    cards: [
      { kind: 'product', sku: 'SC-CUP-1', title: '粗陶咖啡杯', price: 45.5, stock: 3, rating: 4.8, reason: '容量 300ml,适合手冲' },
      { kind: 'order', orderId: 'SC-O-9', status: 'SHIPPED', title: '粗陶咖啡杯 ×2', total: 91, createdAt: new Date().toISOString() },
      { kind: 'logistics', orderId: 'SC-O-9', carrier: '示例快递', trackingNo: 'SC123456', title: '粗陶咖啡杯 ×2',
        events: [{ time: new Date().toISOString(), description: '快件已到达转运中心' }, { time: new Date(Date.now() - 36e5).toISOString(), description: '快件已揽收' }] },
    ],
  });
  await page.locator('.msg.streaming').waitFor({ state: 'detached' });
  const reply = page.locator('.msg.bot').last();
  assert.equal(await reply.locator('.bubble').innerText(), '为您挑了一款杯子,另附您最近的订单。');
  assert.match(await reply.locator('.card-product').innerText(), /粗陶咖啡杯[\s\S]*¥45\.50[\s\S]*★ 4\.8[\s\S]*库存 3/);
  assert.match(await reply.locator('.card-order').innerText(), /SC-O-9[\s\S]*运输中[\s\S]*¥91\.00/);
  assert.match(await reply.locator('.card-logistics').innerText(), /示例快递[\s\S]*SC123456[\s\S]*快件已到达转运中心/);
  await screenshots(page, 'chat-cards');
  await page.locator('.chip', { hasText: '再看看别的' }).click();
  assert.equal((await nextFrom('message')).text, '再看看别的');

  // the queue, the agent, the end of the handoff, an error
  send({ type: 'handoff', replyTo: 'x', handoffId: 'h1', status: 'QUEUED', skill: 'general', position: 2, text: '正在为您转接人工客服' });
  await page.locator('#handoff-bar', { hasText: '前面还有 1 位' }).waitFor();
  send({ type: 'agent_joined', agentName: '阿青', certifications: [] });
  await page.locator('#handoff-bar', { hasText: '人工客服 阿青' }).waitFor();
  send({ type: 'agent_message', text: '您好,我是阿青' });
  await page.locator('.msg.agent .bubble', { hasText: '您好,我是阿青' }).waitFor();
  send({ type: 'handoff_ended' });
  await page.locator('.notice', { hasText: '人工服务已结束' }).waitFor();
  await page.locator('#handoff-bar').waitFor({ state: 'hidden' });
  send({ type: 'error', replyTo: null, code: 'RATE_LIMITED', message: 'too many messages' });
  await page.locator('.notice.error', { hasText: '发送太频繁' }).waitFor();

  // the end: a 4-star rating, then end
  await page.click('#end-btn');
  await page.locator('#stars .star[data-score="4"]').click();
  await page.click('#rating-submit');
  assert.equal((await nextFrom('rate')).score, 4);
  await nextFrom('end');
  await page.locator('#ended', { hasText: '4 星' }).waitFor();
  return { checked: 'frames' };
}

/** The 质检 page: the conversation's finding is shown beside its turn in the transcript; a dismissal with a note sticks. */
async function quality() {
  const page = await open('/console.html#quality');
  await consoleLogin(page);
  const row = page.locator(`#quality tr[data-quality="${cfg.quality.conversationId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /负面结束/);
  await row.click();
  const flagged = page.locator('#drawer-body .turn.flagged');
  await flagged.waitFor();
  const finding = flagged.locator('.finding').first();
  assert.match(await finding.innerText(), /负面结束/);
  const turns = page.locator('#drawer-body .transcript > .turn');
  const flaggedTurn = await turns.evaluateAll((els) => els.findIndex((el) => el.classList.contains('flagged')));
  await screenshots(page, 'console-quality');
  // a dismissal needs a note
  await finding.locator('button', { hasText: '撤销' }).click();
  await page.locator('.toast', { hasText: '请填写撤销说明' }).waitFor();
  await finding.locator('input').fill(cfg.quality.note);
  await finding.locator('button', { hasText: '撤销' }).click();
  await page.locator('#drawer-body .finding.dismissed', { hasText: cfg.quality.note }).waitFor();
  await page.locator('#quality-score', { hasText: '100' }).waitFor();
  // it sticks: a fresh page shows it dismissed
  const again = await open('/console.html#quality');
  await consoleLogin(again);
  await again.locator(`#quality tr[data-quality="${cfg.quality.conversationId}"]`, { hasText: '已撤销' }).click();
  await again.locator('#drawer-body .finding.dismissed', { hasText: cfg.quality.note }).waitFor();
  await again.locator('#quality-score', { hasText: '100' }).waitFor();
  return { flaggedTurn };
}

// ---------------------------------------------------------------- run one flow

/**
 * A merchant's own page on another origin, under a strict CSP (no inline script), with nothing of Nectar but the
 * widget's script tag; its back end's token endpoint answers the buyer token. The buyer opens the panel and chats.
 */
async function widget() {
  let asked = null;
  const site = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/buyer-token') {
      asked = url.searchParams.get('merchant');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: cfg.widget.token }));
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src ${cfg.baseUrl}; frame-src ${cfg.baseUrl}; connect-src 'self'; style-src 'self'`,
    });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>小店首页</title></head><body><h1>欢迎光临小店</h1>
<script src="${cfg.baseUrl}/widget.js" data-merchant="${cfg.merchantId}" data-token-url="/buyer-token" defer></script></body></html>`);
  });
  await new Promise((ok) => site.listen(0, '127.0.0.1', ok));
  try {
    const siteUrl = `http://127.0.0.1:${site.address().port}/`;
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    openPages.push(page);
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (e) => pageErrors.push(`merchant site: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`merchant site: ${m.text()}`); });
    await page.goto(siteUrl);
    await page.click('#nectar-widget-launcher');
    const chat = page.frameLocator('#nectar-widget-frame');
    await chat.locator('.msg.bot').first().waitFor(); // the welcome, over a socket opened with the posted token
    await chat.locator('#input').fill(cfg.widget.question);
    await chat.locator('#input').press('Enter');
    await chat.locator('.msg.bot .bubble', { hasText: cfg.widget.expect }).waitFor();
    assert.equal(asked, cfg.merchantId, 'the token endpoint was asked for this merchant');
    await screenshots(page, 'widget');
    return { conversationId: await chat.locator('#log').getAttribute('data-conversation') };
  } finally {
    site.close();
  }
}

/**
 * The merchant adds a webhook in the console; a document becoming ready is pushed to a receiver here that refuses the
 * first attempt; the delivery log shows the refusal, 重新推送 sends it again and it is shown delivered. The receiver
 * verifies the signature with the secret the console showed once.
 */
async function webhooks() {
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(received.length === 1 ? 500 : 200);
      res.end();
    });
  });
  await new Promise((ok) => receiver.listen(0, '127.0.0.1', ok));
  try {
    const page = await open('/console.html#webhooks');
    await consoleLogin(page);
    await page.locator('#webhook-url').waitFor();
    await page.fill('#webhook-url', `http://127.0.0.1:${receiver.address().port}/nectar-hook`);
    for (const box of await page.locator('#webhook-form input[type=checkbox]').all()) {
      if ((await box.getAttribute('value')) !== 'knowledge.ready') await box.uncheck();
    }
    await page.click('#webhook-form button[type=submit]');
    const secret = (await page.locator('#webhook-secret code').innerText()).trim();
    await page.locator('#webhooks tr[data-webhook]').waitFor();

    const form = new FormData();
    form.append('file', new Blob([cfg.webhooks.document], { type: 'text/markdown' }), cfg.webhooks.fileName);
    const up = await fetch(`${cfg.baseUrl}/api/merchants/${cfg.merchantId}/knowledge`, {
      method: 'POST', headers: { Authorization: `Bearer ${cfg.apiKey}` }, body: form });
    assert.equal(up.status, 201, 'the document was uploaded');
    for (let i = 0; i < 100 && received.length < 1; i++) await page.waitForTimeout(100);
    assert.equal(received.length, 1, 'the receiver got the event');

    await page.locator('#webhooks button', { hasText: '推送记录' }).click();
    await page.locator('#deliveries tr[data-status=PENDING] td', { hasText: '500' }).waitFor();
    await page.locator('#deliveries button', { hasText: '重新推送' }).click();
    await page.locator('#deliveries tr[data-status=DELIVERED]').waitFor();
    await screenshots(page, 'console-webhooks');

    const last = received[received.length - 1];
    const expected = 'v1=' + crypto.createHmac('sha256', secret).update(`${last.headers['nectar-timestamp']}.${last.body}`).digest('hex');
    assert.equal(last.headers['nectar-signature'], expected, 'the signature verifies with the secret the console showed');
    return { webhookId: await page.locator('#webhooks tr[data-webhook]').getAttribute('data-webhook'), received: received.length,
      event: JSON.parse(last.body).event };
  } finally {
    receiver.close();
  }
}

const flows = { knowledge, returns, handoff, upload, evidence, demo, frames, quality, widget, webhooks };
const name = process.argv[2];
if (!flows[name]) {
  console.error(`usage: node pages.e2e.mjs <${Object.keys(flows).join('|')}>`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: cfg.chromium || '/usr/bin/chromium',
  // Playwright gives every launch a fresh temporary --user-data-dir of its own
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  timeout: 60000,
});
const pageErrors = [];
const openPages = [];
let exitCode = 0;
try {
  const result = await flows[name]();
  assert.deepEqual(pageErrors, [], 'the pages raised script errors');
  console.log('RESULT ' + JSON.stringify(result || {}));
} catch (e) {
  console.error(`flow ${name} failed: ${e.stack || e}`);
  if (pageErrors.length) console.error('page errors:\n' + pageErrors.join('\n'));
  exitCode = 1;
  // what each page showed when it failed, next to the flow's log
  const dir = cfg.failureDir || cfg.shotsDir;
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, page] of openPages.entries()) {
    const file = path.join(dir, `${name}-failure-${i + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).then(() => console.error(`screenshot: ${file}`), () => {});
  }
} finally {
  await browser.close();
}
process.exit(exitCode);
