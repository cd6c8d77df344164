/*
 * The labelling page, /runs/{id}/label?scorer=judge[&target=T][&seed=N]: one judged output at a time, with the
 * case, the judge's verdict and reason, and buttons (keys p / f / s) for pass, fail and skip. Each verdict is saved
 * at once in the labels file; a reload resumes with the next unlabelled output. dashboard.js calls
 * window.EvalgateLabelPage with its helpers. Data is inserted as text only, never as markup.
 */
(function () {
  'use strict';

  var BATCH = 50;

  window.EvalgateLabelPage = function (d) {
    var el = d.el;
    var runId = decodeURIComponent(location.pathname.substring('/runs/'.length, location.pathname.lastIndexOf('/label')));
    var params = new URLSearchParams(location.search);
    var query = {scorer: params.get('scorer') || 'judge', target: params.get('target') || '', seed: params.get('seed') || ''};
    var state = {items: [], index: 0, offset: 0, skipped: {}, skippedCount: 0, progress: null, token: null, busy: false};
    var itemsPath = '/api/runs/' + encodeURIComponent(runId) + '/labels';
    document.title = 'Label · ' + runId + ' · evalgate';

    function queryString(extra) {
      var q = new URLSearchParams();
      q.set('scorer', query.scorer);
      if (query.target) q.set('target', query.target);
      Object.keys(extra || {}).forEach(function (k) { q.set(k, String(extra[k])); });
      return q.toString();
    }

    /** Fetches the next batch of unlabelled outputs, leaving out the ones skipped on this visit. */
    function load() {
      return d.api(itemsPath + '?' + queryString(Object.assign({offset: state.offset, limit: BATCH},
        query.seed ? {seed: query.seed} : {}))).then(function (body) {
        state.token = body.writeToken;
        state.progress = body;
        var fresh = body.items.filter(function (item) { return !state.skipped[item.id]; });
        if (fresh.length === 0 && body.items.length === BATCH) {
          state.offset += BATCH; // a whole batch skipped: look further on
          return load();
        }
        state.items = fresh;
        state.index = 0;
        return body;
      });
    }

    function post(item, verdict, note) {
      return fetch(itemsPath + '?' + queryString(), {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Evalgate-Write': state.token},
        body: JSON.stringify({id: item.id, verdict: verdict, note: note})
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status + ' saving the label'));
          return body;
        });
      });
    }

    function crumbs(suite) {
      d.breadcrumbs([{text: 'Suites', href: '/', testid: 'crumb-suites'},
        {text: suite, href: d.suiteHref(suite), testid: 'crumb-suite'},
        {text: runId, href: d.runHref(runId), testid: 'crumb-run'}, {text: 'Label'}]);
    }

    function progressLine() {
      var p = state.progress;
      var parts = [el('b', {testid: 'labelled-count', text: String(p.labelled)}), ' labelled, ',
        el('b', {testid: 'to-go-count', text: String(p.toGo)}), ' to go'];
      if (state.skippedCount) parts.push(' · ' + state.skippedCount + ' skipped');
      var done = p.judged ? Math.round(100 * p.labelled / p.judged) : 0;
      var bar = el('div', {'class': 'egd-progress-bar'}, [el('span', {})]);
      bar.firstChild.style.width = done + '%';
      return el('div', {'class': 'egd-progress', testid: 'progress'}, [el('span', {}, parts), bar]);
    }

    function block(label, text, cls, testid) {
      return el('div', {'class': 'egd-field'}, [el('div', {'class': 'egd-field-label', text: label}),
        el('div', {'class': 'egd-field-text ' + (cls || ''), testid: testid, text: text === null || text === undefined ? '(none)' : text})]);
    }

    function render(message) {
      var p = state.progress;
      crumbs(p.suite);
      var item = state.items[state.index];
      var meta = [el('span', {}, ['scorer ', el('b', {text: p.scorer})]),
        p.target ? el('span', {}, ['target ', el('b', {text: p.target})]) : null,
        el('span', {}, ['labels ', el('code', {testid: 'labels-file', text: p.labelsFile || 'nowhere'})])];
      var parts = [d.header('evalgate dashboard · label', 'Label judged outputs', meta)];
      if (p.writeProblem) parts.push(el('p', {'class': 'egd-error', testid: 'write-problem', text: p.writeProblem}));
      if (message) parts.push(el('p', {'class': 'egd-error', testid: 'error', text: message}));
      var card = el('section', {'class': 'eg-card egd-label', testid: 'label-card'}, [progressLine()]);
      if (!item) {
        card.appendChild(el('p', {'class': 'egd-done', testid: 'done', text: p.toGo === 0
          ? 'Every judged output of this run is labelled. Calibrate the judge with `evalgate judge calibrate`.'
          : 'Only outputs skipped on this visit are left; reload the page to see them again.'}));
      } else {
        card.appendChild(itemView(item));
        card.appendChild(controls(item, !!p.writeProblem));
      }
      if (p.judgeErrors) {
        card.appendChild(el('p', {'class': 'eg-sub egd-label-foot', text: p.judgeErrors + (p.judgeErrors === 1
          ? ' output with a judge error is' : ' outputs with a judge error are') + ' not offered: there is no verdict to check.'}));
      }
      parts.push(card);
      d.show(parts).classList.add('egd-label-page');
      var note = document.querySelector('[data-testid=note]');
      if (note) note.blur();
    }

    function itemView(item) {
      var judge = item.judgePass ? 'PASS' : 'FAIL';
      return el('div', {'class': 'egd-item', testid: 'label-item', 'data-case': item.caseId, 'data-id': item.id}, [
        el('div', {'class': 'egd-item-head'}, [
          el('span', {}, ['case ', el('b', {'class': 'egd-mono', testid: 'case-id', text: item.caseId})]),
          el('span', {}, ['target ', el('b', {testid: 'item-target', text: item.target || '–'})])]),
        block('Input', item.input, 'egd-quiet', 'item-input'),
        item.expected === null || item.expected === undefined ? null : block('Expected', item.expected, '', 'item-expected'),
        block('Output', item.output, 'egd-output', 'item-output'),
        el('div', {'class': 'egd-field'}, [el('div', {'class': 'egd-field-label', text: 'Judge'}),
          el('div', {'class': 'egd-judge'}, [el('span', {'class': 'eg-badge eg-b-' + judge, testid: 'judge-verdict', text: judge}),
            el('span', {'class': 'egd-judge-reason', testid: 'judge-reason', text: item.judgeReason || ''})])])]);
    }

    function controls(item, disabled) {
      var note = el('input', {type: 'text', 'class': 'egd-note', testid: 'note', placeholder: 'Note (optional): why',
        'aria-label': 'Note', maxlength: '2000'});
      function button(verdict, key, text, testid) {
        var b = el('button', {type: 'button', 'class': 'egd-btn egd-btn-' + verdict, testid: testid,
          disabled: disabled ? 'disabled' : null}, [text, el('kbd', {text: key})]);
        b.addEventListener('click', function () { act(verdict, note.value); });
        return b;
      }
      return el('div', {'class': 'egd-actions'}, [button('pass', 'p', 'Pass', 'label-pass'),
        button('fail', 'f', 'Fail', 'label-fail'), button('skip', 's', 'Skip', 'label-skip'), note]);
    }

    function act(verdict, note) {
      var item = state.items[state.index];
      if (!item || state.busy) return;
      if (verdict === 'skip') {
        state.skipped[item.id] = true;
        state.skippedCount++;
        next();
        return;
      }
      state.busy = true;
      post(item, verdict, (note || '').trim()).then(function (progress) {
        state.busy = false;
        progress.suite = state.progress.suite;
        state.progress = progress;
        next();
      }).catch(function (error) {
        state.busy = false;
        render(error.message || String(error));
      });
    }

    function next() {
      state.index++;
      if (state.index < state.items.length) {
        render();
        return;
      }
      state.offset = 0; // the labelled ones have left the list; start again from its head
      load().then(function () { render(); }).catch(d.fail);
    }

    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return; // typing a note
      var verdict = {p: 'pass', f: 'fail', s: 'skip'}[String(e.key).toLowerCase()];
      if (!verdict || !state.items[state.index] || state.progress.writeProblem && verdict !== 'skip') return;
      e.preventDefault();
      var note = document.querySelector('[data-testid=note]');
      act(verdict, note ? note.value : '');
    });

    load().then(function () { render(); }).catch(d.fail);
  };
})();
