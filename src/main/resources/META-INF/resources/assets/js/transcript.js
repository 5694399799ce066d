// A conversation's turns as the agent and the merchant see them, with the bot's tool calls.
import { h, fmtTime, label } from './ui.js';

export function turnView(turn, agentName) {
  const role = (turn.role || 'SYSTEM').toLowerCase();
  const who = role === 'system' ? null
    : h('div', { class: 'who' }, role === 'agent' && agentName ? `客服 ${agentName}` : label('role', turn.role), ' · ', fmtTime(turn.at));
  const images = turn.images?.length
    ? h('div', { class: 'images' }, h('span', { class: 'badge' }, `📷 ${turn.images.length} 张图片`))
    : null;
  const calls = turn.toolCalls?.length
    ? h('div', { class: 'tool-calls' }, turn.toolCalls.map((c) => h('span', {
      class: 'tool-call' + (c.ok ? '' : ' failed'),
      title: JSON.stringify(c.args || {}),
    }, `${label('tool', c.tool)}${c.summary ? ' · ' + c.summary : ''}`)))
    : null;
  return h('div', { class: `turn ${role}` }, who, turn.text ? h('div', { class: 'bubble', text: turn.text }) : null, images, calls);
}

/** @param decorate optional (turnElement, index) => extra, e.g. the quality findings of that turn */
export function transcriptView(turns, agentName, decorate) {
  return h('div', { class: 'transcript' }, (turns || []).map((t, i) => {
    const el = turnView(t, agentName);
    if (decorate) decorate(el, i);
    return el;
  }));
}
