/* The support-agent console: search as you type (debounced) over
 * /v1/search with highlighted snippets and a language filter; one click
 * asks /v1/chat for the typed question and copies its numbered steps.
 * Server strings go in with textContent; snippets are split on <mark>. */
(function () {
  'use strict';
  var q = document.getElementById('q');
  var langSelect = document.getElementById('lang');
  var results = document.getElementById('results');
  var status = document.getElementById('status');
  var copied = document.getElementById('copied');
  var answer = document.getElementById('answer');
  var copyButton = document.getElementById('copy');
  var timer = null;
  var generation = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function unescapeEntities(s) {
    return s.replace(/&(lt|gt|quot|#39|#x27|apos|amp);/g, function (m, e) {
      return {lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'", amp: '&'}[e];
    });
  }
  function appendSnippet(parent, snippet) {
    String(snippet).split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      if (!part) return;
      var m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      if (m) parent.appendChild(el('mark', null, unescapeEntities(m[1])));
      else parent.appendChild(document.createTextNode(unescapeEntities(part)));
    });
  }

  function search() {
    var text = q.value.trim();
    var mine = ++generation;
    if (!text) {
      results.textContent = '';
      status.textContent = '';
      return;
    }
    var url = '/v1/search?limit=10&q=' + encodeURIComponent(text);
    if (langSelect.value) url += '&lang=' + encodeURIComponent(langSelect.value);
    fetch(url).then(function (res) {
      return res.json().then(function (data) { return {ok: res.ok, data: data}; });
    }).then(function (r) {
      if (mine !== generation) return;  // a newer search is on its way
      results.textContent = '';
      if (!r.ok) {
        status.textContent = (r.data.error && r.data.error.message) || 'Search failed';
        return;
      }
      var items = r.data.results || [];
      status.textContent = items.length + ' passage' + (items.length === 1 ? '' : 's') +
          ' in ' + (r.data.took_us / 1000).toFixed(1) + ' ms';
      items.forEach(function (p) {
        var li = el('li', 'result');
        var head = el('div', 'title');
        head.appendChild(el('span', 'lang', p.lang));
        head.appendChild(document.createTextNode(p.title));
        li.appendChild(head);
        li.appendChild(el('div', 'where', p.section + (p.step ? ' — step ' + p.step : '')));
        var snippet = el('div', 'snippet');
        appendSnippet(snippet, p.snippet);
        li.appendChild(snippet);
        results.appendChild(li);
      });
    }).catch(function () {
      if (mine === generation) status.textContent = 'The server is not reachable';
    });
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  }

  function copyAnswer() {
    var text = q.value.trim();
    if (!text) return;
    copied.textContent = '';
    var body = {message: text};
    if (langSelect.value) body.lang = langSelect.value;
    fetch('/v1/chat', {method: 'POST', headers: {'Content-Type': 'application/json'},
                       body: JSON.stringify(body)})
      .then(function (res) { return res.json(); })
      .then(function (reply) {
        var lines = [];
        if (reply.text) lines.push(reply.text);
        (reply.steps || []).forEach(function (s, i) { lines.push((i + 1) + '. ' + s.text); });
        if (!(reply.steps || []).length) {
          (reply.suggestions || []).forEach(function (s) { lines.push('- ' + s.label); });
        }
        var out = lines.join('\n');
        answer.textContent = out;
        var done = function () { copied.textContent = 'Copied ' + (reply.steps || []).length + ' steps'; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(out).then(done, function () {
            copied.textContent = 'Select the text below to copy it';
          });
        } else {
          copied.textContent = 'Select the text below to copy it';
        }
      })
      .catch(function () { copied.textContent = 'The server is not reachable'; });
  }

  q.addEventListener('input', schedule);
  langSelect.addEventListener('change', search);
  copyButton.addEventListener('click', copyAnswer);
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    search();
  });
})();
