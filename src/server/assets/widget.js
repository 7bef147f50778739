/* kb chat widget: one <script src="https://HOST/widget.js"></script> tag
 * embeds a support chat bubble on any page. Plain JavaScript, no build step.
 *
 * - Talks to the server that served this file (POST /v1/chat, /v1/feedback).
 * - Language from <html lang>; the conversation (session id, messages,
 *   thumbs) is kept in sessionStorage, so it survives a reload.
 * - Every server or user string is inserted with textContent; search
 *   snippets (whose only markup is <mark>) are split into text and <mark>
 *   nodes, never parsed as HTML.
 * - Keyboard accessible: a labelled launcher, Escape closes, focus moves to
 *   the input; new replies are announced by an aria-live log.
 */
(function () {
  'use strict';
  if (window.__kbChatWidget) return;
  window.__kbChatWidget = true;

  var script = document.currentScript;
  var API = (script && script.getAttribute('data-api')) ||
      (script && script.src ? new URL(script.src, location.href).origin : location.origin);
  var STORE_KEY = 'kb-chat:' + API;
  var MAX_CHARS = 2000;
  var MAX_LOG = 60;

  var STRINGS = {
    en: {title: 'Seller support', open: 'Open support chat', close: 'Close support chat',
         placeholder: 'Ask about your Seller Central access…', label: 'Your question',
         send: 'Send', typing: 'The assistant is typing…', helpful: 'This answered my question',
         unhelpful: 'This did not help', thanks: 'Thanks for your feedback!',
         error: 'Sorry, the assistant is not reachable right now. Please try again.',
         busy: 'Too many messages: please wait a moment.', source: 'Source',
         steps: 'Steps', options: 'Choose one', hello: 'Hi! How can I help with your Seller Central account?'},
    it: {title: 'Assistenza venditori', open: 'Apri la chat di assistenza', close: 'Chiudi la chat di assistenza',
         placeholder: 'Chiedi dell’accesso a Seller Central…', label: 'La tua domanda',
         send: 'Invia', typing: 'L’assistente sta scrivendo…', helpful: 'Mi è stato utile',
         unhelpful: 'Non mi è stato utile', thanks: 'Grazie per il riscontro!',
         error: 'L’assistente non è raggiungibile ora. Riprova tra poco.',
         busy: 'Troppi messaggi: attendi un momento.', source: 'Fonte',
         steps: 'Passaggi', options: 'Scegli', hello: 'Ciao! Come posso aiutarti con il tuo account Seller Central?'},
    es: {title: 'Soporte para vendedores', open: 'Abrir el chat de soporte', close: 'Cerrar el chat de soporte',
         placeholder: 'Pregunta sobre el acceso a Seller Central…', label: 'Tu pregunta',
         send: 'Enviar', typing: 'El asistente está escribiendo…', helpful: 'Me ha sido útil',
         unhelpful: 'No me ha sido útil', thanks: '¡Gracias por tu opinión!',
         error: 'El asistente no está disponible ahora. Inténtalo de nuevo.',
         busy: 'Demasiados mensajes: espera un momento.', source: 'Fuente',
         steps: 'Pasos', options: 'Elige una opción', hello: '¡Hola! ¿En qué puedo ayudarte con tu cuenta de Seller Central?'},
    fr: {title: 'Assistance vendeurs', open: 'Ouvrir le chat d’assistance', close: 'Fermer le chat d’assistance',
         placeholder: 'Posez votre question sur l’accès à Seller Central…', label: 'Votre question',
         send: 'Envoyer', typing: 'L’assistant écrit…', helpful: 'Cela m’a aidé',
         unhelpful: 'Cela ne m’a pas aidé', thanks: 'Merci pour votre avis !',
         error: 'L’assistant est injoignable pour le moment. Réessayez.',
         busy: 'Trop de messages : patientez un instant.', source: 'Source',
         steps: 'Étapes', options: 'Choisissez', hello: 'Bonjour ! Comment puis-je vous aider avec votre compte Seller Central ?'},
    de: {title: 'Verkäufer-Support', open: 'Support-Chat öffnen', close: 'Support-Chat schließen',
         placeholder: 'Frage zum Zugang zu Seller Central…', label: 'Ihre Frage',
         send: 'Senden', typing: 'Der Assistent schreibt…', helpful: 'Das hat geholfen',
         unhelpful: 'Das hat nicht geholfen', thanks: 'Danke für Ihr Feedback!',
         error: 'Der Assistent ist gerade nicht erreichbar. Bitte erneut versuchen.',
         busy: 'Zu viele Nachrichten: bitte einen Moment warten.', source: 'Quelle',
         steps: 'Schritte', options: 'Bitte wählen', hello: 'Hallo! Wie kann ich bei Ihrem Seller-Central-Konto helfen?'}
  };
  var pageLang = (document.documentElement.getAttribute('lang') || navigator.language || 'en')
      .slice(0, 2).toLowerCase();
  var lang = STRINGS[pageLang] ? pageLang : 'en';
  var T = STRINGS[lang];

  // ---- state (sessionStorage) -------------------------------------------
  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
      if (saved && Array.isArray(saved.log)) return saved;
    } catch (e) { /* storage disabled or corrupt: start afresh */ }
    return {session_id: null, open: false, log: [], feedback: {}};
  }
  function save() {
    try {
      state.log = state.log.slice(-MAX_LOG);
      sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) { /* private mode: the conversation just won't survive a reload */ }
  }
  var state = load();

  // ---- DOM helpers (textContent only) -----------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'class') node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  // A snippet's only markup is <mark>…</mark>, the rest HTML-escaped: build
  // text and <mark> nodes from it without ever parsing HTML.
  function unescapeEntities(s) {
    return s.replace(/&(lt|gt|quot|#39|#x27|apos|amp);/g, function (m, e) {
      return {lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'", amp: '&'}[e];
    });
  }
  function appendSnippet(parent, snippet) {
    var parts = String(snippet).split(/(<mark>[\s\S]*?<\/mark>)/);
    parts.forEach(function (part) {
      if (!part) return;
      var m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      if (m) parent.appendChild(el('mark', null, unescapeEntities(m[1])));
      else parent.appendChild(document.createTextNode(unescapeEntities(part)));
    });
  }
  // Icons as SVG built node by node (no emoji: many systems lack the font).
  var ICONS = {
    chat: 'M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z',
    up: 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z',
    down: 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z'
  };
  function icon(name, size) {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = document.createElementNS(NS, 'path');
    p.setAttribute('d', ICONS[name]);
    p.setAttribute('fill', 'currentColor');
    svg.appendChild(p);
    return svg;
  }

  // ---- styles -------------------------------------------------------------
  var css = [
    '.kbw-root{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2327}',
    '.kbw-root *{box-sizing:border-box}',
    '.kbw-launcher{width:56px;height:56px;border-radius:50%;border:0;background:#146eb4;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s}',
    '.kbw-launcher:hover{transform:scale(1.06)}',
    '.kbw-launcher:focus-visible,.kbw-root button:focus-visible,.kbw-input:focus-visible{outline:3px solid #f90;outline-offset:2px}',
    '.kbw-panel{position:absolute;right:0;bottom:68px;width:370px;max-width:calc(100vw - 32px);height:540px;max-height:calc(100vh - 100px);background:#fff;border-radius:12px;box-shadow:0 10px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden;animation:kbw-in .18s ease-out}',
    '.kbw-panel[hidden]{display:none}',
    '@keyframes kbw-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}',
    '.kbw-head{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#232f3e;color:#fff}',
    '.kbw-head h2{font-size:16px;margin:0}',
    '.kbw-close{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;min-width:44px;min-height:44px}',
    '.kbw-log{flex:1;overflow-y:auto;padding:12px;background:#f6f7f9}',
    '.kbw-msg{margin:0 0 10px;padding:9px 12px;border-radius:10px;max-width:92%;word-wrap:break-word;white-space:pre-wrap}',
    '.kbw-user{background:#146eb4;color:#fff;margin-left:auto}',
    '.kbw-bot{background:#fff;border:1px solid #dde1e6}',
    '.kbw-bot ol{margin:8px 0 0;padding-left:22px;white-space:normal}',
    '.kbw-bot li{margin:0 0 6px}',
    '.kbw-src{display:block;font-size:12px;color:#5a6472}',
    '.kbw-sources{margin-top:6px;font-size:12px;color:#5a6472;white-space:normal}',
    '.kbw-options{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px;white-space:normal}',
    '.kbw-option{border:1px solid #146eb4;background:#fff;color:#146eb4;border-radius:16px;padding:6px 12px;cursor:pointer;font:inherit;min-height:36px}',
    '.kbw-option:hover{background:#e8f1fa}',
    '.kbw-thumbs{display:flex;gap:6px;margin-top:8px;align-items:center;white-space:normal}',
    '.kbw-thumb{border:1px solid #ccd;background:#fff;color:#3d4653;border-radius:6px;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:36px}',
    '.kbw-thumb[aria-pressed="true"]{background:#146eb4;color:#fff;border-color:#146eb4}',
    '.kbw-thanks{font-size:12px;color:#3b7a2a}',
    '.kbw-error{background:#fdecea;border:1px solid #f5c2c0}',
    '.kbw-typing{padding:0 14px 8px;background:#f6f7f9;color:#5a6472;font-size:13px}',
    '.kbw-typing[hidden]{display:none}',
    '.kbw-dot{display:inline-block;width:6px;height:6px;margin:0 2px;border-radius:50%;background:#8a94a3;animation:kbw-blink 1.2s infinite}',
    '.kbw-dot:nth-child(2){animation-delay:.2s}.kbw-dot:nth-child(3){animation-delay:.4s}',
    '@keyframes kbw-blink{0%,80%,100%{opacity:.2}40%{opacity:1}}',
    '.kbw-form{display:flex;gap:6px;padding:10px;border-top:1px solid #dde1e6;background:#fff}',
    '.kbw-input{flex:1;font-size:16px;padding:9px 10px;border:1px solid #aab2bd;border-radius:8px;min-width:0}',
    '.kbw-send{font-size:16px;padding:0 14px;border:0;border-radius:8px;background:#f90;color:#111;cursor:pointer;min-height:44px}',
    '.kbw-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}',
    '@media (max-width:480px){.kbw-root{right:8px;bottom:8px}.kbw-panel{position:fixed;left:0;right:0;bottom:0;top:0;width:100vw;max-width:none;height:100%;max-height:none;border-radius:0}}',
    '@media (prefers-reduced-motion:reduce){.kbw-root *{animation:none!important;transition:none!important}}'
  ].join('\n');
  var style = el('style');
  style.textContent = css;
  document.head.appendChild(style);

  // ---- layout -------------------------------------------------------------
  var root = el('div', {'class': 'kbw-root', 'data-kb-widget': ''});
  var launcher = el('button', {'class': 'kbw-launcher', type: 'button', 'aria-label': T.open,
                               'aria-expanded': 'false', 'aria-controls': 'kbw-panel'});
  launcher.appendChild(icon('chat', 26));
  var panel = el('div', {'class': 'kbw-panel', id: 'kbw-panel', role: 'dialog',
                         'aria-label': T.title, hidden: ''});
  var head = el('div', {'class': 'kbw-head'});
  head.appendChild(el('h2', null, T.title));
  var closeButton = el('button', {'class': 'kbw-close', type: 'button', 'aria-label': T.close}, '×');
  head.appendChild(closeButton);
  var log = el('div', {'class': 'kbw-log', role: 'log', 'aria-live': 'polite',
                       'aria-relevant': 'additions', 'aria-label': T.title, tabindex: '0'});
  var typing = el('div', {'class': 'kbw-typing', hidden: '', role: 'status'});
  typing.appendChild(el('span', {'class': 'kbw-sr'}, T.typing));
  for (var d = 0; d < 3; d++) typing.appendChild(el('span', {'class': 'kbw-dot', 'aria-hidden': 'true'}));
  var form = el('form', {'class': 'kbw-form'});
  var inputId = 'kbw-input';
  form.appendChild(el('label', {'class': 'kbw-sr', 'for': inputId}, T.label));
  var input = el('input', {'class': 'kbw-input', id: inputId, type: 'text', autocomplete: 'off',
                           maxlength: String(MAX_CHARS), placeholder: T.placeholder, enterkeyhint: 'send'});
  var sendButton = el('button', {'class': 'kbw-send', type: 'submit'}, T.send);
  form.appendChild(input);
  form.appendChild(sendButton);
  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- rendering ------------------------------------------------------------
  function renderUser(text) {
    log.appendChild(el('div', {'class': 'kbw-msg kbw-user'}, text));
  }
  function renderNotice(text, isError) {
    log.appendChild(el('div', {'class': 'kbw-msg kbw-bot' + (isError ? ' kbw-error' : '')}, text));
  }
  function sourceTitle(reply, article) {
    var sources = reply.sources || [];
    for (var i = 0; i < sources.length; i++) {
      if (sources[i].article === article && sources[i].title) return sources[i].title;
    }
    return article;
  }
  function renderReply(reply) {
    var box = el('div', {'class': 'kbw-msg kbw-bot', 'data-type': reply.type || ''});
    if (reply.text) box.appendChild(el('p', {style: 'margin:0'}, reply.text));
    var steps = reply.steps || [];
    if (steps.length) {
      var ol = el('ol', {'class': 'kbw-steps', 'aria-label': T.steps});
      steps.forEach(function (step) {
        var li = el('li');
        li.appendChild(el('span', {'class': 'kbw-step-text'}, step.text));
        if (step.source && (step.source.section || step.source.article)) {
          li.appendChild(el('span', {'class': 'kbw-src'},
              T.source + ': ' + sourceTitle(reply, step.source.article) +
              (step.source.section ? ' › ' + step.source.section : '')));
        }
        ol.appendChild(li);
      });
      box.appendChild(ol);
    } else if ((reply.sources || []).length && reply.type !== 'clarify') {
      var list = el('div', {'class': 'kbw-sources'});
      reply.sources.forEach(function (s) {
        list.appendChild(el('div', null, T.source + ': ' + (s.title || s.article) +
            (s.section ? ' › ' + s.section : '')));
      });
      box.appendChild(list);
    }
    var suggestions = reply.suggestions || [];
    if (suggestions.length) {
      var options = el('div', {'class': 'kbw-options', role: 'group', 'aria-label': T.options});
      suggestions.forEach(function (s) {
        var b = el('button', {'class': 'kbw-option', type: 'button', 'data-intent': s.intent || ''},
                   s.label || s.intent);
        b.addEventListener('click', function () { send(s.label || s.intent); });
        options.appendChild(b);
      });
      box.appendChild(options);
    }
    if (reply.reply_id && reply.type !== 'smalltalk' && reply.type !== 'clarify') {
      box.appendChild(renderThumbs(reply.reply_id));
    }
    log.appendChild(box);
  }
  function renderThumbs(replyId) {
    var wrap = el('div', {'class': 'kbw-thumbs'});
    var up = el('button', {'class': 'kbw-thumb', type: 'button', 'aria-label': T.helpful,
                           'data-helpful': 'yes', 'aria-pressed': 'false', title: T.helpful});
    up.appendChild(icon('up', 18));
    var down = el('button', {'class': 'kbw-thumb', type: 'button', 'aria-label': T.unhelpful,
                             'data-helpful': 'no', 'aria-pressed': 'false', title: T.unhelpful});
    down.appendChild(icon('down', 18));
    var thanks = el('span', {'class': 'kbw-thanks', role: 'status'});
    function show(value) {
      up.setAttribute('aria-pressed', value === true ? 'true' : 'false');
      down.setAttribute('aria-pressed', value === false ? 'true' : 'false');
      thanks.textContent = value === undefined ? '' : T.thanks;
    }
    function vote(helpful) {
      state.feedback[replyId] = helpful;
      save();
      show(helpful);
      fetch(API + '/v1/feedback', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({reply_id: replyId, helpful: helpful})
      }).catch(function () { /* feedback is best effort */ });
    }
    up.addEventListener('click', function () { vote(true); });
    down.addEventListener('click', function () { vote(false); });
    show(state.feedback[replyId]);
    wrap.appendChild(up);
    wrap.appendChild(down);
    wrap.appendChild(thanks);
    return wrap;
  }
  function renderAll() {
    while (log.firstChild) log.removeChild(log.firstChild);
    if (!state.log.length) renderNotice(T.hello, false);
    state.log.forEach(function (entry) {
      if (entry.role === 'user') renderUser(entry.text);
      else if (entry.role === 'bot') renderReply(entry.reply);
      else renderNotice(entry.text, true);
    });
    scrollDown();
  }
  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // ---- behaviour ------------------------------------------------------------
  var pending = false;
  function setOpen(open, focus) {
    state.open = open;
    save();
    if (open) {
      panel.removeAttribute('hidden');
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', T.close);
      scrollDown();
      if (focus) input.focus();
    } else {
      panel.setAttribute('hidden', '');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', T.open);
      if (focus) launcher.focus();
    }
  }
  function send(text) {
    text = String(text || '').trim();
    if (!text || pending) return;
    if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS);
    pending = true;
    sendButton.disabled = true;
    state.log.push({role: 'user', text: text});
    save();
    renderUser(text);
    typing.removeAttribute('hidden');
    scrollDown();
    var body = {message: text, lang: lang};
    if (state.session_id) body.session_id = state.session_id;
    fetch(API + '/v1/chat', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) throw {status: res.status, data: data};
        return data;
      });
    }).then(function (reply) {
      if (reply.session_id) state.session_id = reply.session_id;
      state.log.push({role: 'bot', reply: reply});
      save();
      renderReply(reply);
    }).catch(function (err) {
      var text = err && err.status === 429 ? T.busy : T.error;
      state.log.push({role: 'error', text: text});
      save();
      renderNotice(text, true);
    }).then(function () {
      pending = false;
      sendButton.disabled = false;
      typing.setAttribute('hidden', '');
      scrollDown();
    });
  }

  launcher.addEventListener('click', function () { setOpen(panel.hasAttribute('hidden'), true); });
  closeButton.addEventListener('click', function () { setOpen(false, true); });
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.preventDefault(); setOpen(false, true); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });
  // Phones: keep the input in view when the on-screen keyboard opens.
  input.addEventListener('focus', function () {
    setTimeout(function () { input.scrollIntoView({block: 'nearest'}); }, 300);
  });

  function mount() {
    document.body.appendChild(root);
    renderAll();
    if (state.open) setOpen(true, false);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
