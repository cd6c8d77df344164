/*
 * The evalgate dashboard's pages: suites, one suite (trend + runs), one run, a comparison; label.js draws the
 * labelling page.
 * Every page is the same HTML shell; this script reads which page from <body data-page> and the suite or run
 * from the address, fetches the JSON API and builds the page with DOM calls. Data is only ever inserted as text
 * (textContent, text nodes, attribute values), never as markup. Cards, tables and badges use the report's
 * report.css classes; the run and compare pages are drawn by the report's run-view.js.
 */
(function () {
  'use strict';

  // The run view's colours, in the same order, so a target has one colour on every page.
  var PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#b45309',
    '#4f46e5', '#0d9488', '#dc2626', '#7c3aed'];
  var main = document.getElementById('egd-main');
  var crumbs = document.getElementById('egd-crumbs');

  /** An element with attributes (testid → data-testid, text → textContent) and children (strings become text). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'testid') node.setAttribute('data-testid', value);
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function api(path) {
    return fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status + ' from ' + path));
        return body;
      });
    });
  }

  /** Replaces the page body with a report-styled root holding the children. */
  function show(children) {
    var root = el('div', {'class': 'eg-root'}, children);
    main.replaceChildren(root);
    return root;
  }

  function fail(error) {
    show([el('p', {'class': 'egd-error', testid: 'error', text: error.message || String(error)})]);
  }

  function header(brand, title, meta) {
    return el('header', {'class': 'eg-header'}, [
      el('div', {}, [el('div', {'class': 'eg-brand', text: brand}), el('h1', {'class': 'eg-title', testid: 'title', text: title})]),
      meta ? el('div', {'class': 'eg-meta'}, meta) : null]);
  }

  function breadcrumbs(parts) {
    var nodes = [];
    parts.forEach(function (part, i) {
      if (i > 0) nodes.push(el('span', {'class': 'egd-sep', 'aria-hidden': 'true', text: '›'}));
      nodes.push(part.href ? el('a', {href: part.href, testid: part.testid, text: part.text})
        : el('span', {'class': 'egd-here', text: part.text}));
    });
    crumbs.replaceChildren.apply(crumbs, nodes);
  }

  function table(testid, cls, heads, rows) {
    return el('div', {'class': 'eg-table-wrap'}, [el('table', {'class': 'eg-table ' + cls, testid: testid}, [
      el('thead', {}, [el('tr', {}, heads)]), el('tbody', {}, rows)])]);
  }

  var fmt = {
    pct: function (v) { return v === null || v === undefined ? '–' : (v * 100).toFixed(1) + '%'; },
    interval: function (lo, hi) {
      return lo === null || hi === null || lo === undefined || hi === undefined ? ''
        : (lo * 100).toFixed(1) + '–' + (hi * 100).toFixed(1);
    },
    time: function (iso) {
      if (!iso) return '–';
      var d = new Date(iso);
      var pad = function (n) { return String(n).padStart(2, '0'); };
      return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
        + pad(d.getMinutes());
    },
    commit: function (run) { return run.commit ? run.commit.substring(0, 7) + (run.dirty ? '*' : '') : '–'; }
  };

  function suiteHref(name) { return '/suites/' + encodeURIComponent(name); }
  function runHref(id) { return '/runs/' + encodeURIComponent(id); }
  function compareHref(base, head) {
    return '/compare?base=' + encodeURIComponent(base) + '&head=' + encodeURIComponent(head);
  }
  function pathRest(prefix) { return decodeURIComponent(location.pathname.substring(prefix.length)); }

  // ---- / : the suites ----
  function suitesPage() {
    breadcrumbs([{text: 'Suites'}]);
    document.title = 'Suites · evalgate';
    api('/api/suites').then(function (suites) {
      var body;
      if (suites.length === 0) {
        body = el('p', {'class': 'eg-empty', testid: 'empty'},
          ['No runs in this store yet. Make one with ', el('code', {text: 'evalgate run'}), '.']);
      } else {
        body = table('suites-table', 'egd-suites', [el('th', {text: 'Suite'}), el('th', {'class': 'eg-num', text: 'Runs'}),
          el('th', {text: 'Last run'}), el('th', {text: 'Started'})], suites.map(function (s) {
          return el('tr', {testid: 'suite-row'}, [
            el('td', {'class': 'eg-name'}, [el('a', {href: suiteHref(s.name), testid: 'suite-link', text: s.name})]),
            el('td', {'class': 'eg-num', text: s.runs}),
            el('td', {}, [el('a', {href: runHref(s.lastRunId), testid: 'run-link', 'class': 'egd-mono', text: s.lastRunId})]),
            el('td', {'class': 'eg-dim', text: fmt.time(s.lastStartedAt)})]);
        }));
      }
      show([header('evalgate dashboard', 'Suites', [el('span', {}, [el('b', {text: String(suites.length)}),
        suites.length === 1 ? ' suite' : ' suites'])]),
        el('section', {'class': 'eg-card'}, [el('h2', {text: 'Suites in this store'}),
          el('p', {'class': 'eg-sub', text: 'Open a suite for its trend and runs.'}), body])]);
    }).catch(fail);
  }

  // ---- /suites/{suite} : trend charts and the run list ----
  function suitePage() {
    var suite = pathRest('/suites/');
    var limit = new URLSearchParams(location.search).get('limit') || '30';
    breadcrumbs([{text: 'Suites', href: '/', testid: 'crumb-suites'}, {text: suite}]);
    document.title = suite + ' · evalgate';
    api('/api/suites/' + encodeURIComponent(suite) + '/runs?limit=' + encodeURIComponent(limit)).then(function (runs) {
      var ids = targetIds(runs);
      var charts = [
        {metric: 'passRate', title: 'Pass rate', sub: 'Per run, with its Wilson 95% interval as a band.'},
        {metric: 'p95', title: 'Latency p95', sub: '95th percentile of live calls, in ms.'},
        {metric: 'costPerRequest', title: 'Cost per request', sub: 'US dollars per call; gaps where cost is unknown.'}
      ].map(function (c) {
        var box = el('div', {'class': 'eg-chart egd-trend', testid: 'trend-chart', 'data-metric': c.metric});
        return {spec: c, box: box, card: el('section', {'class': 'eg-card'}, [el('h2', {text: c.title}),
          el('p', {'class': 'eg-sub', text: c.sub}), box])};
      });
      var last = runs[runs.length - 1];
      show([header('evalgate dashboard · suite', suite, [
        el('span', {}, [el('b', {text: String(runs.length)}), ' latest runs']),
        el('span', {}, ['last ', el('b', {text: fmt.time(last.startedAt)})]),
        el('span', {}, [String(ids.length) + (ids.length === 1 ? ' target' : ' targets')])]),
        el('div', {'class': 'egd-trends', testid: 'trends'}, charts.map(function (c) { return c.card; })),
        runList(runs, ids)]);
      charts.forEach(function (c) {
        if (window.EvalgateTrend) {
          window.EvalgateTrend.render(c.box, runs, c.spec.metric, PALETTE, function (runId) {
            location.href = runHref(runId);
          });
        }
      });
    }).catch(fail);
  }

  function targetIds(runs) {
    var ids = [];
    runs.forEach(function (r) { r.targets.forEach(function (t) { if (ids.indexOf(t.id) < 0) ids.push(t.id); }); });
    return ids;
  }

  function runList(runs, ids) {
    var newestFirst = runs.slice().reverse();
    var heads = [el('th', {text: 'Run'}), el('th', {text: 'Started'}), el('th', {text: 'Commit'})]
      .concat(ids.map(function (id, i) {
        return el('th', {'class': 'eg-num', title: 'pass rate and its 95% interval'}, [
          el('span', {'class': 'eg-dot', style: null, 'data-color': PALETTE[i % PALETTE.length]}), id]);
      }))
      .concat([el('th', {text: ''})]);
    var rows = newestFirst.map(function (run, i) {
      var previous = newestFirst[i + 1];
      var cells = [
        el('td', {}, [el('a', {href: runHref(run.runId), testid: 'run-link', 'class': 'egd-mono', text: run.runId}),
          run.status !== 'complete' ? el('span', {'class': 'eg-badge eg-b-INCONCLUSIVE', testid: 'run-status',
            text: run.shards ? run.status + ' · ' + run.shards : run.status}) : null]),
        el('td', {'class': 'eg-dim', text: fmt.time(run.startedAt)}),
        el('td', {'class': 'egd-mono', title: (run.commit || '') + (run.branch ? ' on ' + run.branch : ''),
          text: fmt.commit(run)})
      ];
      ids.forEach(function (id) {
        var t = run.targets.filter(function (x) { return x.id === id; })[0];
        cells.push(el('td', {'class': 'eg-num'}, t ? [fmt.pct(t.passRate),
          el('span', {'class': 'eg-cell-n', text: fmt.interval(t.passLo, t.passHi)})] : ['–']));
      });
      cells.push(el('td', {'class': 'eg-num'}, previous ? [el('a', {href: compareHref(previous.runId, run.runId),
        testid: 'compare-link', text: 'vs previous'})] : []));
      return el('tr', {testid: 'run-row', 'data-run-id': run.runId}, cells);
    });
    var section = el('section', {'class': 'eg-card'}, [el('h2', {text: 'Runs'}),
      el('p', {'class': 'eg-sub', text: 'Newest first. Open a run for its candidates, latency, cost and failures.'}),
      compareForm(newestFirst), table('run-list', 'egd-runs', heads, rows)]);
    // Colours go in through the CSS object model, not a style attribute, so the page's CSP needs no exception.
    section.querySelectorAll('.eg-dot[data-color]').forEach(function (dot) {
      dot.style.background = dot.getAttribute('data-color');
    });
    return section;
  }

  function compareForm(runs) {
    if (runs.length < 2) return null;
    function select(name, selected) {
      return el('select', {name: name, testid: 'compare-' + name}, runs.map(function (r) {
        return el('option', {value: r.runId, selected: r.runId === selected ? 'selected' : null},
          [r.runId + ' · ' + fmt.time(r.startedAt)]);
      }));
    }
    return el('form', {'class': 'eg-controls egd-controls', action: '/compare', method: 'get', testid: 'compare-form'}, [
      el('label', {}, ['Compare ', select('head', runs[0].runId)]),
      el('label', {}, ['with base ', select('base', runs[1].runId)]),
      el('button', {type: 'submit', text: 'Compare'})]);
  }

  // ---- /runs/{id} and /compare : the report's run view over the API ----
  function runPage() {
    var id = pathRest('/runs/');
    viewPage('/api/runs/' + encodeURIComponent(id), id, null);
  }

  function comparePage() {
    var params = new URLSearchParams(location.search);
    var base = params.get('base') || '';
    var head = params.get('head') || '';
    viewPage('/api/compare?base=' + encodeURIComponent(base) + '&head=' + encodeURIComponent(head), head, base);
  }

  function viewPage(path, runId, baseId) {
    breadcrumbs([{text: 'Suites', href: '/', testid: 'crumb-suites'}, {text: baseId ? baseId + ' vs ' + runId : runId}]);
    // the first page of failures is asked for at once: it does not wait for the view, which folds every case
    var failures = failureProvider(runId);
    failures.prefetch(50);
    api(path).then(function (view) {
      var parts = [{text: 'Suites', href: '/', testid: 'crumb-suites'},
        {text: view.suite, href: suiteHref(view.suite), testid: 'crumb-suite'}];
      if (baseId) {
        parts.push({text: baseId, href: runHref(baseId), testid: 'crumb-base'});
        parts.push({text: 'vs ' + view.runId});
      } else {
        parts.push({text: view.runId});
      }
      breadcrumbs(parts);
      document.title = (baseId ? baseId + ' vs ' : '') + view.runId + ' · ' + view.suite + ' · evalgate';
      var root = el('div', {testid: baseId ? 'compare-view' : 'run-view'});
      main.replaceChildren(root);
      if (!window.EvalgateRunView) {
        fail(new Error('The run view script did not load.'));
        return;
      }
      window.EvalgateRunView.render(root, view, {failures: failures});
      if (!baseId && view.judgeScorers && view.judgeScorers.length) main.insertBefore(labelLinks(view), root);
    }).catch(fail);
  }

  /** Links from a run to the labelling page of each judge scorer it ran. */
  function labelLinks(view) {
    return el('div', {'class': 'egd-label-links', testid: 'label-links'}, view.judgeScorers.map(function (scorer) {
      return el('a', {href: runHref(view.runId) + '/label?scorer=' + encodeURIComponent(scorer), testid: 'label-link',
        'class': 'egd-label-link'}, ['Label the ', el('b', {text: scorer}), ' verdicts by hand →']);
    }));
  }

  /**
   * Pages of the run's failures from the API, in the form the run view asks for. {@code prefetch} starts the
   * unfiltered first page early; the view's first ask is answered with it.
   */
  function failureProvider(runId) {
    var first = null;
    function fetchPage(query) {
      var params = new URLSearchParams();
      ['target', 'q', 'offset', 'limit'].forEach(function (key) {
        var value = query && query[key];
        if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
      });
      return api('/api/runs/' + encodeURIComponent(runId) + '/failures?' + params.toString());
    }
    var provider = function (query) {
      if (first && first.limit === query.limit && !query.target && !query.q && !query.offset) {
        var early = first.page;
        first = null;
        return early;
      }
      return fetchPage(query);
    };
    provider.prefetch = function (limit) {
      var page = fetchPage({offset: 0, limit: limit});
      page.catch(function () {}); // reported when the view asks for it
      first = {limit: limit, page: page};
    };
    return provider;
  }

  function labelPage() {
    if (!window.EvalgateLabelPage) {
      fail(new Error('The labelling script did not load.'));
      return;
    }
    window.EvalgateLabelPage({el: el, api: api, show: show, fail: fail, header: header, breadcrumbs: breadcrumbs,
      suiteHref: suiteHref, runHref: runHref});
  }

  var pages = {suites: suitesPage, suite: suitePage, run: runPage, compare: comparePage, label: labelPage};
  (pages[document.body.getAttribute('data-page')] || suitesPage)();
})();
