// Nectar's chat on a merchant's own site, with one tag and no inline script:
//   <script src="https://<nectar>/widget.js" data-merchant="<merchantId>" data-token-url="/nectar/buyer-token" defer></script>
// The merchant's page asks its own back end for the signed-in buyer's token (GET data-token-url?merchant=…, answering
// {"token"}; the back end calls POST /api/merchants/{m}/buyer-tokens with the merchant key, which never reaches the
// browser). The chat opens in a floating panel: an iframe of Nectar's chat page, which receives the token by
// postMessage (never in a URL, so it is in no history or access log). docs/web.md describes the flow.
(() => {
  const script = document.currentScript;
  if (!script || !script.dataset.tokenUrl) {
    console.error('Nectar widget: the script tag needs data-token-url');
    return;
  }
  const origin = new URL(script.src, location.href).origin;
  const label = script.dataset.label || '在线客服';
  const z = '2147483000';
  let panel = null;
  let frame = null;
  let token = null;

  // styles through the CSSOM: a strict style-src on the merchant's page does not block them
  const style = (el, s) => Object.assign(el.style, s);

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.id = 'nectar-widget-launcher';
  launcher.textContent = label;
  launcher.setAttribute('aria-expanded', 'false');
  style(launcher, {
    position: 'fixed', right: '20px', bottom: '20px', zIndex: z, padding: '12px 18px', border: '0', borderRadius: '24px',
    background: '#0f766e', color: '#fff', font: '15px/1.2 system-ui, -apple-system, "PingFang SC", sans-serif',
    boxShadow: '0 4px 14px rgba(0,0,0,.2)', cursor: 'pointer',
  });
  launcher.addEventListener('click', toggle);
  document.body.appendChild(launcher);

  async function toggle() {
    if (panel) {
      panel.hidden = !panel.hidden;
      launcher.setAttribute('aria-expanded', String(!panel.hidden));
      return;
    }
    launcher.disabled = true;
    try {
      const url = new URL(script.dataset.tokenUrl, location.href);
      if (script.dataset.merchant) url.searchParams.set('merchant', script.dataset.merchant);
      const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`token endpoint answered ${r.status}`);
      token = (await r.json()).token;
      if (typeof token !== 'string' || !token) throw new Error('token endpoint gave no token');
    } catch (e) {
      console.error('Nectar widget:', e.message);
      launcher.textContent = '客服暂时无法连接,请稍后再试';
      launcher.disabled = false;
      return;
    }
    panel = document.createElement('div');
    panel.id = 'nectar-widget-panel';
    style(panel, {
      position: 'fixed', right: '20px', bottom: '76px', width: 'min(380px, calc(100vw - 40px))',
      height: 'min(600px, calc(100vh - 100px))', zIndex: z, borderRadius: '12px', overflow: 'hidden',
      boxShadow: '0 8px 30px rgba(0,0,0,.25)', background: '#fff',
    });
    frame = document.createElement('iframe');
    frame.id = 'nectar-widget-frame';
    frame.title = label;
    frame.src = `${origin}/chat.html?embed=1`;
    style(frame, { width: '100%', height: '100%', border: '0' });
    panel.appendChild(frame);
    document.body.appendChild(panel);
    launcher.setAttribute('aria-expanded', 'true');
    launcher.disabled = false;
  }

  // the chat page says when it listens; the token goes to Nectar's origin only
  window.addEventListener('message', (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== origin) return;
    if (e.data && e.data.type === 'nectar-ready') frame.contentWindow.postMessage({ type: 'nectar-token', token }, origin);
  });
})();
