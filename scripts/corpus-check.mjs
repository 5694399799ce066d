#!/usr/bin/env node
// Checks the corpus's consistency (not the bot): node scripts/corpus-check.mjs [shop ...]
// Every label must be satisfiable from the shop's own data: answer strings occur in its knowledge files, SKUs are in
// its catalog, order ids belong to the buyer, enums are the contract's. Prints problems and a count per shop.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'test', 'resources', 'corpus');
const INTENTS = new Set(['knowledge', 'recommend', 'order', 'logistics', 'after_sale', 'cancel', 'handoff', 'smalltalk', 'injection']);
const TYPES = new Set(['RETURN_REFUND', 'REFUND_ONLY', 'EXCHANGE']);
const REASONS = new Set(['NO_REASON', 'SIZE', 'QUALITY', 'DAMAGED', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'NOT_RECEIVED', 'OTHER']);
const HANDOFF = new Set(['REQUESTED', 'COMPLAINT', 'HEALTH_SAFETY']);
const STATUSES = new Set(['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED']);
const EXPECT_KEYS = new Set(['replyContainsAny', 'replyContainsAll', 'replyNotContains', 'lastReplyContainsAny', 'productCardsAny',
  'productCardsNone', 'handoff', 'noHandoff', 'afterSale', 'noAfterSale', 'caseCount', 'orderStatus', 'imageVerdict', 'toolCalled']);

const shops = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(path.join(ROOT, 'shops')).sort();
let problems = 0;
for (const shop of shops) {
  const dir = path.join(ROOT, 'shops', shop);
  const bad = (m) => { problems++; console.log(`${shop}: ${m}`); };
  const read = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { bad(`${f}: ${e.message}`); return null; } };
  const merchant = read('merchant.json') || {};
  const catalog = read('catalog.json') || [];
  const orders = read('orders.json') || [];
  const skus = new Set(catalog.map((p) => p.sku));
  for (const p of catalog) for (const k of ['sku', 'spu', 'title', 'category', 'price', 'stock']) if (p[k] === undefined) bad(`product ${p.sku} lacks ${k}`);
  const ordersOf = {};
  for (const o of orders) {
    if (!STATUSES.has(o.status)) bad(`order ${o.orderId} status ${o.status}`);
    for (const i of o.items || []) if (!skus.has(i.sku)) bad(`order ${o.orderId} item ${i.sku} not in catalog`);
    (ordersOf[o.buyerId] = ordersOf[o.buyerId] || []).push(o);
  }
  const kdir = path.join(dir, 'knowledge');
  const kfiles = fs.existsSync(kdir) ? fs.readdirSync(kdir) : [];
  if (kfiles.length < 5) bad(`knowledge has ${kfiles.length} files, needs 5`);
  const exts = new Set(kfiles.map((f) => path.extname(f)));
  const knowledge = kfiles.map((f) => fs.readFileSync(path.join(kdir, f), 'utf8')).join('\n');
  const skills = new Set(['general', ...Object.values((merchant.policy || {}).categorySkills || {})]);
  const ids = new Set();
  const counts = {};
  const lines = fs.existsSync(path.join(dir, 'utterances.jsonl')) ? fs.readFileSync(path.join(dir, 'utterances.jsonl'), 'utf8').split('\n').filter((l) => l.trim()) : [];
  for (const [n, line] of lines.entries()) {
    let u; try { u = JSON.parse(line); } catch (e) { bad(`utterances line ${n + 1}: ${e.message}`); continue; }
    const s = u.slots || {};
    if (ids.has(u.id)) bad(`duplicate id ${u.id}`); ids.add(u.id);
    if (!u.text || !u.text.trim()) bad(`${u.id} has no text`);
    if (!INTENTS.has(u.intent)) { bad(`${u.id} intent ${u.intent}`); continue; }
    counts[u.intent] = (counts[u.intent] || 0) + 1;
    const mine = (ordersOf[u.buyerId] || []).map((o) => o.orderId);
    if (s.orderId && !mine.includes(s.orderId)) bad(`${u.id} orderId ${s.orderId} is not ${u.buyerId}'s`);
    if (u.intent === 'knowledge') {
      if (!Array.isArray(s.answerAny) || !s.answerAny.length) bad(`${u.id} knowledge without answerAny`);
      else if (!s.answerAny.some((a) => knowledge.includes(a))) bad(`${u.id} no answerAny string occurs in the knowledge files: ${s.answerAny}`);
    }
    if (u.intent === 'recommend') {
      if (!Array.isArray(s.productsAny) || !s.productsAny.length) bad(`${u.id} recommend without productsAny`);
      for (const k of [...(s.productsAny || []), ...(s.productsNone || [])]) if (!skus.has(k)) bad(`${u.id} unknown sku ${k}`);
    }
    if (u.intent === 'after_sale') {
      if (!TYPES.has(s.type)) bad(`${u.id} type ${s.type}`);
      if (s.reason !== null && !REASONS.has(s.reason)) bad(`${u.id} reason ${s.reason}`);
      if (!('orderId' in s)) bad(`${u.id} after_sale without orderId (null when the bot must ask)`);
    }
    if ((u.intent === 'cancel' || u.intent === 'logistics') && !('orderId' in s)) bad(`${u.id} ${u.intent} without orderId (null when the bot must ask)`);
    if (u.intent === 'handoff') {
      if (!HANDOFF.has(s.handoffReason)) bad(`${u.id} handoffReason ${s.handoffReason}`);
      if (!skills.has(s.skill)) bad(`${u.id} skill ${s.skill} not in categorySkills`);
    }
  }
  const cases = fs.existsSync(path.join(dir, 'cases.jsonl')) ? fs.readFileSync(path.join(dir, 'cases.jsonl'), 'utf8').split('\n').filter((l) => l.trim()) : [];
  const images = fs.existsSync(path.join(ROOT, 'images')) ? new Set(fs.readdirSync(path.join(ROOT, 'images'))) : new Set();
  for (const [n, line] of cases.entries()) {
    let c; try { c = JSON.parse(line); } catch (e) { bad(`cases line ${n + 1}: ${e.message}`); continue; }
    if (ids.has(c.id)) bad(`duplicate id ${c.id}`); ids.add(c.id);
    if (!Array.isArray(c.turns) || !c.turns.length) bad(`${c.id} has no turns`);
    for (const k of Object.keys(c.expect || {})) if (!EXPECT_KEYS.has(k)) bad(`${c.id} unknown expectation ${k}`);
    for (const t of c.turns || []) for (const i of (typeof t === 'object' && t.images) || []) if (!images.has(i.base)) bad(`${c.id} image ${i.base} not in corpus/images`);
    const e = c.expect || {};
    const mine = (ordersOf[c.buyerId] || []).map((o) => o.orderId);
    for (const a of [].concat(e.afterSale || [], e.noAfterSale || [], e.caseCount || [], e.orderStatus || [])) {
      if (a.orderId && !orders.some((o) => o.orderId === a.orderId)) bad(`${c.id} order ${a.orderId} unknown`);
    }
    for (const a of [].concat(e.afterSale || [])) if (!mine.includes(a.orderId)) bad(`${c.id} afterSale on ${a.orderId}, not ${c.buyerId}'s`);
    for (const k of [...(e.productCardsAny || []), ...(e.productCardsNone || [])]) if (!skus.has(k)) bad(`${c.id} unknown sku ${k}`);
    if (e.handoff && e.handoff.skillIn) for (const s of e.handoff.skillIn) if (!skills.has(s)) bad(`${c.id} skill ${s} not in categorySkills`);
  }
  console.log(`${shop}: ${lines.length} utterances ${JSON.stringify(counts)}, ${cases.length} conversations, ${catalog.length} products, ${orders.length} orders, knowledge ${[...exts].join(' ')}`);
}
console.log(problems ? `${problems} problem(s)` : 'corpus consistent');
process.exit(problems ? 1 : 0);
