/*
 * evalgate run view: draws one run (and its comparison with a base run) from the run view JSON that
 * dev.evalgate.report.html.RunView builds. Shared by the single-file HTML report and the dashboard.
 *
 *   EvalgateRunView.render(rootElement, view, options) -> { dispose() }
 *
 * options.failures: optional provider ({target, q, offset, limit}) => Promise<{total, rows}>; without it the view
 * pages over view.failures in memory through the same interface.
 *
 * Every text that comes from models, datasets or config is inserted as a text node, never as markup. Charts use
 * ECharts' SVG renderer with animation off, so the page is the same every time it is drawn.
 */
(function (global) {
  'use strict';

  var PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#b45309',
    '#4f46e5', '#0d9488', '#dc2626', '#7c3aed'];
  var PAGE_SIZE = 50;
  var FLIPS_SHOWN = 100;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  /** The stack report.css sets on .eg-root, named so charts measure and draw their text in the page's font. */
  var FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Inter, Roboto, "Helvetica Neue", "DejaVu Sans", Arial, '
    + 'sans-serif';

  // ---------------------------------------------------------------- DOM helpers (text only, never markup)

  function el(tag, props) {
    var node = document.createElement(tag);
    var children = Array.prototype.slice.call(arguments, 2);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null) return;
        if (key === 'className') node.className = value;
        else if (key === 'testid') node.setAttribute('data-testid', value);
        else if (key === 'text') node.textContent = value;
        else if (key === 'title') node.title = value;
        else if (key.indexOf('on') === 0) node.addEventListener(key.substring(2), value);
        else node.setAttribute(key, value);
      });
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      if (Array.isArray(child)) append(node, child);
      else node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---------------------------------------------------------------- numbers as people read them

  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  function pct(x) { return isNum(x) ? (x * 100).toFixed(1) + '%' : '–'; }
  function pctInterval(lo, hi) {
    return isNum(lo) && isNum(hi) ? (lo * 100).toFixed(1) + ' – ' + (hi * 100).toFixed(1) : '–';
  }
  function points(x) { return isNum(x) ? (x >= 0 ? '+' : '') + (x * 100).toFixed(1) + ' pp' : '–'; }
  function ms(x) {
    if (!isNum(x)) return '–';
    if (x >= 10000) return (x / 1000).toFixed(1) + ' s';
    if (x >= 100) return x.toFixed(0) + ' ms';
    if (x >= 1) return x.toFixed(1) + ' ms';
    return x.toFixed(3) + ' ms';
  }
  function usd(x) {
    if (!isNum(x)) return 'unknown';
    if (x === 0) return '$0';
    return x >= 0.01 ? '$' + x.toFixed(4) : '$' + x.toFixed(6);
  }
  function pValue(x) { return !isNum(x) ? '–' : x < 0.0001 ? '<0.0001' : x.toFixed(4); }
  function ratio(x) { return isNum(x) ? '×' + x.toFixed(3) : '–'; }
  function count(n) { return isNum(n) ? n.toLocaleString('en-US') : '–'; }

  function colorsOf(view) {
    var colors = {};
    (view.targets || []).forEach(function (t, i) { colors[t.id] = PALETTE[i % PALETTE.length]; });
    return colors;
  }

  function card(testid, title, subtitle) {
    var node = el('section', {className: 'eg-card', testid: testid});
    node.appendChild(el('h2', {text: title}));
    if (subtitle) node.appendChild(el('p', {className: 'eg-sub', text: subtitle}));
    return node;
  }

  function table(testid, headers) {
    var head = el('tr', null, headers.map(function (h) {
      var spec = typeof h === 'string' ? {text: h} : h;
      return el('th', {className: spec.num ? 'eg-num' : null, text: spec.text, title: spec.title});
    }));
    var body = el('tbody');
    var node = el('table', {className: 'eg-table', testid: testid}, el('thead', null, head), body);
    return {node: node, body: body, wrap: el('div', {className: 'eg-table-wrap'}, node)};
  }

  function td(content, className) {
    var cell = el('td', {className: className || null});
    append(cell, [content]);
    return cell;
  }

  function num(content) { return td(content, 'eg-num'); }

  /** A figure with a smaller line under it, such as an estimate over its interval. */
  function two(main, second) {
    return el('span', null, el('span', {text: main}), second ? el('span', {className: 'eg-second', text: second}) : null);
  }

  function badge(word, kind) { return el('span', {className: 'eg-badge eg-b-' + kind, text: word}); }

  function targetName(id, color) {
    return el('span', {className: 'eg-name'}, el('span', {className: 'eg-dot', style: 'background:' + color}), id);
  }

  /** A pass rate on a 0–100% track: the Wilson interval as a band, the estimate as a tick. */
  function intervalBar(rate, lo, hi, color, width) {
    var w = width || 160;
    var h = 14;
    var node = svg('svg', {width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, class: 'eg-bar', role: 'img'});
    node.appendChild(svg('rect', {x: 0, y: 5, width: w, height: 4, rx: 2, fill: '#eceff3'}));
    if (isNum(lo) && isNum(hi)) {
      node.appendChild(svg('rect', {x: lo * w, y: 2, width: Math.max(2, (hi - lo) * w), height: 10, rx: 3,
        fill: color, 'fill-opacity': 0.25}));
    }
    if (isNum(rate)) {
      node.appendChild(svg('rect', {x: Math.min(w - 3, Math.max(0, rate * w - 1.5)), y: 0, width: 3, height: 14,
        rx: 1, fill: color}));
    }
    var label = isNum(rate) ? pct(rate) + ' (95% CI ' + pctInterval(lo, hi) + ')' : 'no cases';
    var title = svg('title', {});
    title.textContent = label;
    node.appendChild(title);
    return node;
  }

  // ---------------------------------------------------------------- sections

  function header(view) {
    var meta = el('div', {className: 'eg-meta'});
    meta.appendChild(el('span', null, 'run ', el('code', {text: view.runId})));
    if (view.startedAt) meta.appendChild(el('span', null, 'started ', el('b', {text: localTime(view.startedAt)})));
    if (view.commit) meta.appendChild(el('span', null, 'commit ', el('code', {text: view.commit})));
    if (view.harness) meta.appendChild(el('span', {testid: 'harness', text: view.harness}));
    if (view.compare) meta.appendChild(el('span', null, 'compared with ', el('code', {text: view.compare.baseRunId})));
    var notes = null;
    if (view.notes && view.notes.length) {
      // e.g. a judged pass rate corrected for the judge's measured error, or how many shards are complete
      notes = el('ul', {className: 'eg-run-notes'});
      view.notes.forEach(function (line) { notes.appendChild(el('li', {testid: 'run-note', text: line})); });
    }
    return el('header', {className: 'eg-header'},
      el('div', null, el('div', {className: 'eg-brand', text: 'evalgate report'}),
        el('h1', {className: 'eg-title', text: view.suite})),
      meta, notes);
  }

  function localTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function verdictSection(verdict) {
    var node = el('section', {className: 'eg-verdict eg-v-' + verdict.status, testid: 'verdict',
      'data-status': verdict.status});
    var counts = {};
    (verdict.lines || []).forEach(function (l) { counts[l.verdict] = (counts[l.verdict] || 0) + 1; });
    var summary = (verdict.lines || []).length === 0 ? 'The gate has no checks for this run.'
      : (verdict.lines.length + ' check' + (verdict.lines.length === 1 ? '' : 's') + ': '
        + ['PASS', 'PASS_WITH_WARNING', 'INCONCLUSIVE', 'FAIL'].filter(function (v) { return counts[v]; })
          .map(function (v) { return counts[v] + ' ' + wordOf(v).toLowerCase(); }).join(', '));
    node.appendChild(el('div', {className: 'eg-verdict-head'},
      el('span', {className: 'eg-verdict-word', text: verdict.word || wordOf(verdict.status)}),
      el('div', {className: 'eg-verdict-what'},
        el('b', {text: verdict.headline
          || (verdict.failsBuild ? 'The gate fails the build.' : 'The gate lets this run ship.')}),
        el('div', {text: summary}))));
    var list = el('ul');
    (verdict.lines || []).forEach(function (line) {
      list.appendChild(el('li', null, badge(wordOf(line.verdict), line.verdict), el('span', {text: line.text})));
    });
    node.appendChild(list);
    if ((verdict.notes || []).length) {
      node.appendChild(el('details', null, el('summary', {text: 'What this suite can and cannot see ('
        + verdict.notes.length + ' notes)'}), verdict.notes.map(function (n) { return el('p', {text: n}); })));
    }
    return node;
  }

  function wordOf(status) {
    return {PASS: 'PASS', PASS_WITH_WARNING: 'PASS with warning', INCONCLUSIVE: 'INCONCLUSIVE', FAIL: 'FAIL'}[status]
      || status;
  }

  function candidatesSection(view, colors) {
    var section = card('candidates-section', 'Candidates',
      'Pass rate with its Wilson 95% interval, latency of live calls, cost per request. The frontier: no other '
      + 'candidate is both cheaper and more accurate.');
    // time to first token only when a candidate streamed, so runs that did not keep their table
    var streamed = view.targets.some(function (row) { return isNum(row.ttftP95); });
    var columns = ['Candidate', 'Pass rate (95% CI)', {text: 'Pass rate', num: true},
      {text: '95% CI', num: true}, {text: 'Cases', num: true}, {text: 'p50', num: true}, {text: 'p95', num: true}];
    if (streamed) {
      columns.push({text: 'TTFT p50', num: true, title: 'time to first token of streamed calls'},
        {text: 'TTFT p95', num: true, title: 'time to first token of streamed calls'});
    }
    var t = table('candidates-table', columns.concat([{text: 'Cost / request', num: true},
      {text: 'Errors', num: true}]));
    view.targets.forEach(function (row) {
      var name = targetName(row.id, colors[row.id]);
      if (row.onFrontier) name.appendChild(badge('frontier', 'frontier'));
      if (row.local) name.appendChild(badge('local', 'local'));
      var cells = [td(name),
        td(intervalBar(row.passRate, row.passLo, row.passHi, colors[row.id])),
        num(el('b', {text: pct(row.passRate)})),
        num(pctInterval(row.passLo, row.passHi), 'eg-num'),
        num(count(row.passed) + ' / ' + count(row.n)),
        num(ms(row.p50)), num(ms(row.p95))];
      if (streamed) {
        cells.push(num(isNum(row.ttftP50) ? ms(row.ttftP50) : '-'), num(isNum(row.ttftP95) ? ms(row.ttftP95) : '-'));
      }
      cells.push(num(usd(row.costPerRequest)),
        td(row.errors > 0 ? count(row.errors) + ' (' + pct(row.errorRate) + ')'
          + (row.judgeErrors > 0 ? ', ' + count(row.judgeErrors) + ' judge error' + (row.judgeErrors === 1 ? '' : 's')
          : '') : '0',
          'eg-num' + (row.errors > 0 ? ' eg-bad' : ' eg-dim')));
      t.body.appendChild(el.apply(null, ['tr', {'data-target': row.id}].concat(cells)));
    });
    section.appendChild(t.wrap);
    return section;
  }

  /** Per target and judge scorer: the judge's verdicts, its errors, its own spend, and the corrected rate. */
  function gradingSection(view, colors) {
    var section = card('grading-section', 'Grading by model judge',
      'Per judge scorer. The raw judged rate is the judge\u2019s verdict share; its interval covers the sampling of '
      + 'cases, not the judge\u2019s own errors. The corrected rate divides those errors out using the judge\u2019s '
      + 'calibration against human labels (kappa, J), with an interval that carries both. Grading spend is the '
      + 'judge\u2019s, never part of a candidate\u2019s cost or latency.');
    var t = table('grading-table', ['Candidate', 'Judge scorer', {text: 'Raw judged rate', num: true},
      {text: 'Corrected rate (95% CI)', num: true}, {text: 'κ', num: true, title: 'Cohen\u2019s kappa of the calibration'},
      {text: 'J', num: true, title: 'Youden\u2019s J = sensitivity + specificity \u2212 1'},
      {text: 'Judge errors', num: true}, {text: 'Flip rate', num: true}, {text: 'Judge calls', num: true},
      {text: 'Tokens in / out', num: true}, {text: 'Grading cost', num: true}, {text: 'Latency / call', num: true}]);
    view.grading.forEach(function (row) {
      var corrected = isNum(row.corrected)
        ? two(pct(row.corrected), pctInterval(row.correctedLo, row.correctedHi))
        : el('span', {className: 'eg-dim', text: row.correction});
      var cells = [td(targetName(row.target, colors[row.target] || '#667085')), td(row.scorer),
        num(two(pct(row.raw) + ' (' + count(row.judgedPasses) + '/' + count(row.verdicts) + ')',
          pctInterval(row.rawLo, row.rawHi) + ' uncorrected')),
        num(corrected),
        num(isNum(row.kappa) ? row.kappa.toFixed(2) : '–'),
        num(isNum(row.youden) ? row.youden.toFixed(2) : '–'),
        td(row.judgeErrors > 0 ? count(row.judgeErrors) : '0', 'eg-num' + (row.judgeErrors > 0 ? ' eg-bad' : ' eg-dim')),
        num(isNum(row.flipRate) ? pct(row.flipRate) + ' of ' + count(row.multiVote) : '–'),
        num(count(row.calls) + (row.cachedVotes > 0 ? ' (+' + count(row.cachedVotes) + ' cached)' : '')),
        num(count(row.inputTokens) + ' / ' + count(row.outputTokens)),
        num(isNum(row.costUsd) ? usd(row.costUsd) : 'unknown'),
        num(ms(row.latencyPerCallMs))];
      t.body.appendChild(el.apply(null, ['tr', {'data-target': row.target, 'data-scorer': row.scorer}].concat(cells)));
    });
    section.appendChild(t.wrap);
    return section;
  }

  function chart(node, option, charts) {
    var instance = global.echarts.init(node, null, {renderer: 'svg'});
    instance.setOption(common(option));
    charts.push(instance);
    return instance;
  }

  /** What every chart's option has, also when it is set again on a chart already drawn. */
  function common(option) {
    option.animation = false;
    // ECharts measures text itself (legend gaps, label truncation) with the font it is given: 'inherit' would be
    // measured as its 12px default and drawn wider, so it gets the page's own font by name
    option.textStyle = {fontFamily: FONT};
    // a tooltip near the page's edge would widen the page; keep every tooltip inside its chart
    if (option.tooltip) option.tooltip.confine = true;
    return option;
  }

  var AXIS = {axisLine: {lineStyle: {color: '#98a2b3'}}, axisLabel: {color: '#475467'},
    splitLine: {lineStyle: {color: '#eef0f3'}}, nameTextStyle: {color: '#667085'}};

  function axis(extra) {
    var out = {};
    Object.keys(AXIS).forEach(function (k) { out[k] = AXIS[k]; });
    Object.keys(extra).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }

  function latencySection(view, colors, charts, after) {
    var section = card('latency-section', 'Latency',
      'Share of cases answered within a time (empirical CDF of live calls). Where a curve crosses a dashed line is '
      + 'its p50 or p95.');
    var curves = (view.latency || []).filter(function (c) { return c.live > 0; });
    var host = el('div', {className: 'eg-chart', testid: 'latency-chart'});
    section.appendChild(host);
    var skipped = (view.latency || []).filter(function (c) { return c.live === 0; }).map(function (c) { return c.target; });
    if (skipped.length) {
      section.appendChild(el('p', {className: 'eg-note',
        text: 'No live latency (every call answered from the cache): ' + skipped.join(', ')}));
    }
    after.push(function () {
      if (!curves.length) {
        host.appendChild(el('p', {className: 'eg-empty', text: 'No live calls to time.'}));
        return;
      }
      var lo = Infinity;
      var hi = 0;
      curves.forEach(function (c) {
        c.cdf.forEach(function (p) { if (p[0] > 0) lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); });
      });
      var log = lo < Infinity && hi / lo > 20;
      var floor = log ? Math.pow(10, Math.floor(Math.log10(lo))) : 0;
      var series = curves.map(function (c, i) {
        var data = [[log ? floor : 0, 0]].concat(c.cdf.map(function (p) { return [log ? Math.max(p[0], floor) : p[0], p[1]]; }));
        var s = {name: c.target, type: 'line', step: 'end', showSymbol: false, data: data,
          lineStyle: {width: 2, color: colors[c.target]}, itemStyle: {color: colors[c.target]}, emphasis: {disabled: true}};
        if (i === 0) {
          s.markLine = {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#98a2b3', width: 1},
            label: {formatter: '{b}', color: '#667085', position: 'insideStartTop'},
            data: [{name: 'p50', yAxis: 0.5}, {name: 'p95', yAxis: 0.95}]};
        }
        return s;
      });
      series.push({name: 'p50 / p95', type: 'scatter', symbolSize: 8, z: 5,
        data: [].concat.apply([], curves.map(function (c) {
          return [{value: [Math.max(c.p50, floor), 0.5], target: c.target, q: 'p50', ms: c.p50,
            itemStyle: {color: colors[c.target], borderColor: '#fff', borderWidth: 1.5}},
          {value: [Math.max(c.p95, floor), 0.95], target: c.target, q: 'p95', ms: c.p95, symbol: 'diamond',
            itemStyle: {color: colors[c.target], borderColor: '#fff', borderWidth: 1.5}}];
        })),
        tooltip: {formatter: function (p) { return escapeText(p.data.target) + ' ' + p.data.q + ' = ' + ms(p.data.ms); }}});
      chart(host, {
        color: curves.map(function (c) { return colors[c.target]; }),
        grid: {left: 56, right: 24, top: 40, bottom: 48},
        legend: {top: 0, itemGap: 32, icon: 'roundRect', itemWidth: 16, itemHeight: 4,
          data: curves.map(function (c) { return c.target; }), textStyle: {color: '#344054'}},
        tooltip: {trigger: 'item'},
        xAxis: axis({type: log ? 'log' : 'value', name: 'latency (ms' + (log ? ', log scale' : '') + ')',
          nameLocation: 'middle', nameGap: 28, min: log ? floor : 0,
          axisLabel: {color: '#475467', formatter: function (v) { return v >= 1 ? String(v) : String(+v.toPrecision(1)); }}}),
        yAxis: axis({type: 'value', min: 0, max: 1, axisLabel: {color: '#475467',
          formatter: function (v) { return Math.round(v * 100) + '%'; }}}),
        series: series
      }, charts);
    });
    return section;
  }

  /** ECharts tooltips take markup; data going into them is escaped here. */
  function escapeText(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  function costSection(view, colors, charts, after) {
    var section = card('cost-section', 'Cost versus pass rate',
      'Each candidate at its cost, with its pass rate\u2019s 95% interval. Filled: the frontier, where no other '
      + 'candidate is both cheaper and more accurate. Local candidates cost $0.');
    var host = el('div', {className: 'eg-chart', testid: 'cost-chart'});
    section.appendChild(host);
    var known = view.targets.filter(function (t) { return isNum(t.costPerRequest) && isNum(t.passRate); });
    var unknown = view.targets.filter(function (t) { return !isNum(t.costPerRequest); }).map(function (t) { return t.id; });
    if (unknown.length) {
      section.appendChild(el('p', {className: 'eg-note', text: 'Cost unknown (no price for the model), not drawn: '
        + unknown.join(', ')}));
    }
    after.push(function () {
      if (!known.length) {
        host.appendChild(el('p', {className: 'eg-empty', text: 'No candidate has a known cost.'}));
        return;
      }
      var costs = known.map(function (t) { return t.costPerRequest; });
      // when every candidate costs the same (typically all local, $0) a cost axis has no width: line them up instead
      var flat = Math.max.apply(null, costs) === Math.min.apply(null, costs);
      var order = known.slice().sort(function (a, b) { return a.costPerRequest - b.costPerRequest || a.passRate - b.passRate; });
      var frontier = order.filter(function (t) { return t.onFrontier; });
      // cost per 1,000 requests reads better on an axis than six-decimal dollars per request
      function x(t) { return flat ? order.indexOf(t) : t.costPerRequest * 1000; }
      var points = known.map(function (t) {
        return {value: [x(t), t.passRate], name: t.id, row: t,
          symbolSize: t.onFrontier ? 15 : 10,
          itemStyle: {color: t.onFrontier ? colors[t.id] : '#fff', borderColor: colors[t.id], borderWidth: 2},
          label: {show: true, position: 'right', distance: 12, formatter: t.id,
            color: t.onFrontier ? '#1c2330' : '#667085', fontWeight: t.onFrontier ? 600 : 400}};
      });
      var xAxis = flat
        ? axis({type: 'category', data: order.map(function (t) { return t.id; }), axisLabel: {show: false},
          axisTick: {show: false}, name: 'every candidate costs ' + usd(costs[0]) + ' per request',
          nameLocation: 'middle', nameGap: 18})
        : axis({type: 'value', name: 'cost per 1,000 requests (USD)', nameLocation: 'middle', nameGap: 28, min: 0,
          axisLabel: {color: '#475467', formatter: function (v) { return '$' + (+v.toPrecision(3)); }}});
      chart(host, {
        grid: {left: 56, right: flat ? 64 : 104, top: 28, bottom: 48},
        tooltip: {trigger: 'item', formatter: function (p) {
          if (!p.data || !p.data.row) return '';
          var r = p.data.row;
          return escapeText(r.id) + '<br>pass rate ' + pct(r.passRate) + ' [' + pctInterval(r.passLo, r.passHi)
            + ']<br>cost/request ' + usd(r.costPerRequest) + ' ($' + (+(r.costPerRequest * 1000).toPrecision(3))
            + ' per 1,000)' + (r.onFrontier ? '<br>on the frontier' : '');
        }},
        xAxis: xAxis,
        yAxis: axis(percentAxis(Math.min.apply(null, known.map(function (t) {
          return isNum(t.passLo) ? t.passLo : t.passRate;
        })))),
        series: [
          {type: 'custom', name: 'interval', silent: true, z: 1, data: known.map(function (t) {
            return [x(t), t.passLo, t.passHi];
          }), renderItem: function (params, api) {
            var top = api.coord([api.value(0), api.value(2)]);
            var bottom = api.coord([api.value(0), api.value(1)]);
            var style = {stroke: colors[known[params.dataIndex].id], lineWidth: 1.5, opacity: 0.6};
            return {type: 'group', children: [
              {type: 'line', shape: {x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1]}, style: style},
              {type: 'line', shape: {x1: top[0] - 4, y1: top[1], x2: top[0] + 4, y2: top[1]}, style: style},
              {type: 'line', shape: {x1: bottom[0] - 4, y1: bottom[1], x2: bottom[0] + 4, y2: bottom[1]}, style: style}]};
          }, encode: {x: 0, y: [1, 2]}},
          flat ? null : {type: 'line', name: 'frontier', silent: true, z: 2, step: 'end', showSymbol: false,
            lineStyle: {color: '#1d4ed8', width: 1.5, type: 'dashed', opacity: 0.6},
            data: frontier.map(function (t) { return [x(t), t.passRate]; })},
          {type: 'scatter', name: 'candidates', z: 3, data: points}
        ].filter(Boolean)
      }, charts);
    });
    return section;
  }

  /**
   * A 0–100% axis that starts at a round step below the lowest value. ECharts' own minimum for a scaled axis can
   * fall between two ticks (15% under 20%), and the two labels then overlap.
   */
  function percentAxis(lowest) {
    var low = Math.max(0, (isNum(lowest) ? lowest : 0) - 0.02);
    var step = 1 - low > 0.5 ? 0.2 : 1 - low > 0.2 ? 0.1 : 0.05;
    var min = Math.max(0, Math.floor(low / step + 1e-9) * step);
    return {type: 'value', min: +min.toFixed(2), max: 1, interval: step, axisLabel: {color: '#475467',
      formatter: function (v) { return Math.round(v * 100) + '%'; }}};
  }

  /** The colour a translucent rgb paints over white, as [r, g, b]. */
  function overWhite(rgb, alpha) {
    return rgb.map(function (c) { return Math.round(255 + (c - 255) * alpha); });
  }

  function luminance(rgb) {
    var lin = rgb.map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  var INK = [28, 35, 48];

  /**
   * One rule for every shade: white on a dark cell, the page's ink on a light one, by the cell's luminance. The
   * cut sits a little above where the two contrast ratios meet, so a strong green or red gets white text.
   */
  function textOn(rgb) {
    return luminance(rgb) < 0.3 ? '#fff' : 'rgb(' + INK.join(',') + ')';
  }

  /** Long labels end in an ellipsis on the axes; the tooltip and the hover title give them whole. */
  var CONFUSION_LABEL = {y: 132, x: 130};

  function confusionSection(view, colors, charts, after) {
    var matrices = view.confusion || [];
    var section = card('confusion-section', 'Confusion matrix',
      'Expected label (rows) against the label the candidate answered (columns). Diagonal: right; elsewhere: '
      + 'wrong, shaded by its share of the row.');
    var select = el('select', {testid: 'confusion-target'});
    matrices.forEach(function (m) { select.appendChild(el('option', {value: m.target, text: m.target})); });
    select.value = preferredTarget(view, matrices.map(function (m) { return m.target; }));
    section.appendChild(el('div', {className: 'eg-controls'}, el('label', {text: 'Candidate '}), select));
    var host = el('div', {className: 'eg-chart', testid: 'confusion-chart'});
    section.appendChild(host);
    var instance = null;
    function draw() {
      var m = matrices.filter(function (x) { return x.target === select.value; })[0];
      if (!m) return;
      host.style.height = Math.max(320, 120 + m.labels.length * 30) + 'px';
      if (instance) instance.resize();
      var data = [];
      m.counts.forEach(function (row, i) {
        var total = row.reduce(function (a, b) { return a + b; }, 0);
        row.forEach(function (n, j) {
          var right = m.columns[j] === m.labels[i];
          var share = total ? n / total : 0;
          var fill = n === 0 ? [250, 251, 252] : overWhite(right ? [21, 128, 61] : [180, 35, 24], 0.12 + 0.78 * share);
          data.push({value: [j, i, n], share: share, itemStyle: {
            color: 'rgb(' + fill.join(',') + ')', borderColor: '#fff', borderWidth: 1},
          label: {color: textOn(fill), textBorderWidth: 0, fontWeight: 600}});
        });
      });
      var option = {
        grid: {left: 150, right: 24, top: 16, bottom: 100},
        tooltip: {formatter: function (p) {
          if (!p.data || !p.data.value) return '';
          return 'expected ' + escapeText(m.labels[p.data.value[1]]) + '<br>answered '
            + escapeText(m.columns[p.data.value[0]]) + '<br>' + p.data.value[2] + ' cases (' + pct(p.data.share)
            + ' of the row)';
        }},
        xAxis: {type: 'category', data: m.columns, triggerEvent: true, splitArea: {show: false},
          axisLabel: {rotate: 35, color: '#475467', interval: 0, width: CONFUSION_LABEL.x, overflow: 'truncate',
            ellipsis: '…'},
          axisLine: {lineStyle: {color: '#cfd4dc'}}},
        yAxis: {type: 'category', data: m.labels, inverse: true, triggerEvent: true,
          axisLabel: {color: '#475467', interval: 0, width: CONFUSION_LABEL.y, overflow: 'truncate', ellipsis: '…'},
          axisLine: {lineStyle: {color: '#cfd4dc'}}},
        series: [{type: 'heatmap', data: data, label: {show: true, formatter: function (p) {
          return p.data.value[2] ? String(p.data.value[2]) : '';
        }}, emphasis: {disabled: true}}]
      };
      if (instance) {
        instance.setOption(common(option), true);
      } else {
        instance = chart(host, option, charts);
        // an axis label cut short shows in full as the chart's title while the pointer is on it
        instance.on('mouseover', function (p) {
          if (p.componentType === 'xAxis' || p.componentType === 'yAxis') host.title = String(p.value);
        });
        instance.on('mouseout', function (p) {
          if (p.componentType === 'xAxis' || p.componentType === 'yAxis') host.removeAttribute('title');
        });
      }
    }
    select.addEventListener('change', draw);
    after.push(draw);
    return section;
  }

  /** The candidate the gate judges, else the most accurate one. */
  function preferredTarget(view, ids) {
    var gated = ((view.verdict && view.verdict.lines) || []).map(function (l) {
      return l.scope.substring(l.scope.indexOf('/') + 1);
    }).filter(function (id) { return ids.indexOf(id) >= 0; });
    if (gated.length) return gated[0];
    var best = view.targets.filter(function (t) { return ids.indexOf(t.id) >= 0; })
      .sort(function (a, b) { return (b.passRate || 0) - (a.passRate || 0); })[0];
    return best ? best.id : ids[0];
  }

  function slicesSection(view, colors) {
    var section = card('slices-section', 'Slices',
      'Pass rate per tag value. Red: the whole 95% interval lies below the candidate\u2019s overall pass rate.');
    var overall = {};
    view.targets.forEach(function (t) { overall[t.id] = t.passRate; });
    var t = table('slices-table', ['Slice', {text: 'Cases', num: true}].concat(view.targets.map(function (x) {
      return {text: x.id, num: true};
    })));
    view.slices.forEach(function (s) {
      var n = s.targets.reduce(function (a, c) { return Math.max(a, c.n); }, 0);
      var row = el('tr', {'data-slice': s.key + '=' + s.value},
        td(el('span', null, el('span', {className: 'eg-dim', text: s.key + ' = '}), el('b', {text: s.value}))),
        num(count(n)));
      s.targets.forEach(function (c) {
        var low = isNum(c.passHi) && isNum(overall[c.id]) && c.passHi < overall[c.id];
        var cell = el('td', {className: 'eg-num' + (low ? ' eg-low' : ''),
          title: c.id + ': ' + c.passed + ' of ' + c.n + ' passed, 95% CI ' + pctInterval(c.passLo, c.passHi)});
        cell.appendChild(el('div', null, el(low ? 'b' : 'span', {text: pct(c.passRate)})));
        cell.appendChild(intervalBar(c.passRate, c.passLo, c.passHi, colors[c.id], 90));
        row.appendChild(cell);
      });
      t.body.appendChild(row);
    });
    section.appendChild(t.wrap);
    return section;
  }

  // ---------------------------------------------------------------- differences, drawn as text nodes

  function tokens(text, byChar) {
    if (byChar) return Array.from(text);
    return text.match(/\s+|[A-Za-z0-9_\u00C0-\uFFFF]+|[^\sA-Za-z0-9_\u00C0-\uFFFF]/g) || [];
  }

  /**
   * The differences of a and b as [{op: 'same'|'a'|'b', text}]: 'a' only in a (expected, missing from the output),
   * 'b' only in b (in the output, not expected). Common ends are trimmed first; the middle is diffed by the longest
   * common subsequence when small enough, else marked whole.
   */
  function diff(a, b) {
    a = a == null ? '' : String(a);
    b = b == null ? '' : String(b);
    var byChar = !/\s/.test(a.trim()) && !/\s/.test(b.trim()) && a.length <= 80 && b.length <= 80;
    var x = tokens(a, byChar);
    var y = tokens(b, byChar);
    var start = 0;
    while (start < x.length && start < y.length && x[start] === y[start]) start++;
    var endX = x.length;
    var endY = y.length;
    while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) { endX--; endY--; }
    var out = [];
    push(out, 'same', x.slice(0, start).join(''));
    var mx = x.slice(start, endX);
    var my = y.slice(start, endY);
    if (mx.length * my.length <= 250000) middle(mx, my, out);
    else { push(out, 'a', mx.join('')); push(out, 'b', my.join('')); }
    push(out, 'same', x.slice(endX).join(''));
    if (byChar) {
      // a few shared letters between two different labels ("refund", "returns") read as noise: mark them whole
      var same = out.filter(function (p) { return p.op === 'same'; }).reduce(function (n, p) { return n + p.text.length; }, 0);
      if (a !== b && 2 * same < 0.6 * (a.length + b.length)) return [{op: 'a', text: a}, {op: 'b', text: b}];
    }
    return out;
  }

  function middle(x, y, out) {
    var n = x.length;
    var m = y.length;
    var table = new Int32Array((n + 1) * (m + 1));
    for (var i = n - 1; i >= 0; i--) {
      for (var j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] = x[i] === y[j] ? table[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
      }
    }
    var p = 0;
    var q = 0;
    while (p < n && q < m) {
      if (x[p] === y[q]) { push(out, 'same', x[p]); p++; q++; }
      else if (table[(p + 1) * (m + 1) + q] >= table[p * (m + 1) + q + 1]) { push(out, 'a', x[p]); p++; }
      else { push(out, 'b', y[q]); q++; }
    }
    while (p < n) push(out, 'a', x[p++]);
    while (q < m) push(out, 'b', y[q++]);
  }

  function push(out, op, text) {
    if (!text) return;
    var last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({op: op, text: text});
  }

  /** One side of a difference as text nodes: the parts only this side has are marked. */
  function diffText(parts, side, className) {
    var node = el('div', {className: 'eg-text'});
    parts.forEach(function (part) {
      if (part.op === 'same') node.appendChild(document.createTextNode(part.text));
      else if (part.op === side) node.appendChild(el('span', {className: className, text: part.text}));
    });
    return node;
  }

  // ---------------------------------------------------------------- failures

  function memoryFailures(rows) {
    return function (query) {
      var q = (query.q || '').toLowerCase();
      var matching = rows.filter(function (r) {
        if (query.target && r.target !== query.target) return false;
        if (!q) return true;
        return [r.caseId, r.input, r.expected, r.output, r.error].some(function (f) {
          return f != null && String(f).toLowerCase().indexOf(q) >= 0;
        });
      });
      return Promise.resolve({total: matching.length,
        rows: matching.slice(query.offset, query.offset + query.limit)});
    };
  }

  function failuresSection(view, colors, options) {
    var provider = options.failures || memoryFailures(view.failures || []);
    var section = card('failures-section', 'Failures',
      'Every case a candidate failed or errored. Click a row to see all of it.');
    var filter = el('select', {testid: 'failure-target-filter'});
    filter.appendChild(el('option', {value: '', text: 'All candidates'}));
    var byTarget = {};
    (view.failures || []).forEach(function (r) { byTarget[r.target] = (byTarget[r.target] || 0) + 1; });
    view.targets.forEach(function (t) {
      var n = options.failures ? (t.n - t.passed) : (byTarget[t.id] || 0);
      filter.appendChild(el('option', {value: t.id, text: t.id + ' (' + n + ')'}));
    });
    var search = el('input', {type: 'search', placeholder: 'Search case id, input, expected or output',
      testid: 'failure-search', 'aria-label': 'Search failures'});
    var prev = el('button', {type: 'button', text: '‹ Previous', testid: 'failure-prev'});
    var next = el('button', {type: 'button', text: 'Next ›', testid: 'failure-next'});
    var status = el('span', {testid: 'failure-count'});
    section.appendChild(el('div', {className: 'eg-controls'}, filter, search,
      el('div', {className: 'eg-pager'}, status, prev, next)));
    section.appendChild(el('div', {className: 'eg-legend'},
      el('span', null, el('span', {className: 'eg-swatch eg-want'}), 'expected, missing from the output'),
      el('span', null, el('span', {className: 'eg-swatch eg-got'}), 'in the output, not expected')));
    var t = table('failures-table', ['Case', 'Candidate', 'Outcome', {text: 'Input'}, {text: 'Expected'},
      {text: 'Got'}, {text: 'Score', num: true}, {text: 'Latency', num: true}]);
    section.appendChild(t.wrap);
    var state = {offset: 0, total: 0, seq: 0};

    function load() {
      var seq = ++state.seq;
      var query = {target: filter.value || null, q: search.value.trim(), offset: state.offset, limit: PAGE_SIZE};
      Promise.resolve(provider(query)).then(function (page) {
        if (seq !== state.seq) return; // a newer query was asked for meanwhile
        state.total = page.total;
        draw(page.rows || []);
      }, function (error) {
        if (seq !== state.seq) return;
        clear(t.body);
        t.body.appendChild(el('tr', null, el('td', {colspan: 8, className: 'eg-empty',
          text: 'Could not load failures: ' + (error && error.message ? error.message : error)})));
      });
    }

    function draw(rows) {
      clear(t.body);
      rows.forEach(function (r) { t.body.appendChild(failureRow(r, colors)); });
      if (!rows.length) {
        t.body.appendChild(el('tr', null, el('td', {colspan: 8, className: 'eg-empty',
          text: state.total === 0 && !search.value && !filter.value ? 'No failures: every case passed.'
            : 'No failure matches.'})));
      }
      var first = state.total === 0 ? 0 : state.offset + 1;
      status.textContent = first + '–' + (state.offset + rows.length) + ' of ' + count(state.total);
      prev.disabled = state.offset === 0;
      next.disabled = state.offset + PAGE_SIZE >= state.total;
    }

    var typing = null;
    search.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { state.offset = 0; load(); }, 150);
    });
    filter.addEventListener('change', function () { state.offset = 0; load(); });
    prev.addEventListener('click', function () { state.offset = Math.max(0, state.offset - PAGE_SIZE); load(); });
    next.addEventListener('click', function () { state.offset += PAGE_SIZE; load(); });
    load();
    return section;
  }

  function failureRow(r, colors) {
    var got = r.error != null ? r.error : r.output;
    var parts = r.error != null ? [{op: 'a', text: r.expected || ''}, {op: 'b', text: r.error}]
      : diff(r.expected, r.output);
    var row = el('tr', {testid: 'failure-row', 'data-target': r.target, 'data-case': r.caseId},
      // the dashboard pages samples: with repeats, one case fails once per repeat and says which
      td([el('span', {className: 'eg-case', text: r.caseId}),
        r.repeat > 0 ? el('span', {className: 'eg-dim', text: ' repeat ' + (r.repeat + 1)}) : null]),
      td(targetName(r.target, colors[r.target] || '#98a2b3')),
      td(r.judgeError ? badge('JUDGE ERROR', 'ERROR')
        : badge(r.outcome === 'ERROR' ? 'ERROR' : 'FAIL', r.outcome === 'ERROR' ? 'ERROR' : 'FAIL')),
      td([el('div', {className: 'eg-text eg-input', text: r.input == null ? '' : r.input}),
        // a conversation: every turn and tool call, shown when the row is opened
        r.transcript ? el('div', {className: 'eg-text eg-transcript', testid: 'failure-transcript',
          text: r.transcript}) : null], 'eg-col-text eg-wide'),
      td(r.expected == null ? el('span', {className: 'eg-dim', text: '(none)'}) : diffText(parts, 'a', 'eg-want'),
        'eg-col-text'),
      td([got == null ? el('span', {className: 'eg-dim', text: '(no output)'}) : diffText(parts, 'b', 'eg-got'),
        r.reason ? el('div', {className: 'eg-dim eg-reason', testid: 'failure-reason', text: r.reason}) : null],
        'eg-col-text'),
      num(isNum(r.score) ? r.score.toFixed(2) : '–'),
      num(ms(r.latencyMs)));
    row.addEventListener('click', function () { row.classList.toggle('eg-open'); });
    return row;
  }

  // ---------------------------------------------------------------- comparison

  function compareSection(view, colors) {
    var c = view.compare;
    var section = card('compare-section', 'Compared with run ' + c.baseRunId,
      'Cases paired by id. Pass-rate change with Newcombe\u2019s paired 95% interval and McNemar\u2019s test; p95 ratio '
      + 'by paired bootstrap (B = ' + count(c.resamples) + ', seed ' + c.seed + ').');
    if (c.warnings.length) {
      section.appendChild(el('div', {className: 'eg-warnings'}, c.warnings.map(function (w) {
        return el('p', {text: 'Warning: ' + w});
      })));
    }
    var t = table('compare-table', ['Candidate', {text: 'Paired', num: true}, {text: 'Pass rate base → head', num: true},
      {text: 'Change [95% CI]', num: true, title: 'Newcombe paired interval, percentage points'},
      {text: 'McNemar p', num: true, title: 'mid-p (exact p below)'}, {text: 'p95 base → head', num: true},
      {text: 'p95 ratio [95% CI]', num: true, title: 'paired bootstrap'}, {text: 'Cost ratio', num: true},
      {text: 'Regressed', num: true}, {text: 'Fixed', num: true}]);
    c.targets.forEach(function (r) {
      var worse = isNum(r.differenceHi) && r.differenceHi < 0;
      var better = isNum(r.differenceLo) && r.differenceLo > 0;
      t.body.appendChild(el('tr', {'data-target': r.id},
        td(targetName(r.id, colors[r.id] || '#98a2b3')),
        num(count(r.paired)),
        num(pct(r.basePassRate) + ' → ' + pct(r.headPassRate)),
        td(two(points(r.difference), isNum(r.differenceLo)
          ? '[' + (r.differenceLo * 100).toFixed(1) + ', ' + (r.differenceHi * 100).toFixed(1) + ']' : ''),
          'eg-num' + (worse ? ' eg-bad' : better ? ' eg-good' : '')),
        num(two(pValue(r.mcnemarMidP), 'exact ' + pValue(r.mcnemarExactP))),
        num(ms(r.baseP95) + ' → ' + ms(r.headP95)),
        num(isNum(r.p95Ratio) ? two(ratio(r.p95Ratio), '[' + r.p95RatioLo.toFixed(3) + ', ' + r.p95RatioHi.toFixed(3) + ']'
          + (isNum(r.ttftP95Ratio) ? ' · TTFT p95 ' + ms(r.baseTtftP95) + ' → ' + ms(r.headTtftP95) + ', '
            + ratio(r.ttftP95Ratio) + ' [' + r.ttftP95RatioLo.toFixed(3) + ', ' + r.ttftP95RatioHi.toFixed(3) + ']' : ''))
          : el('span', {className: 'eg-dim', text: 'no live latency', title: 'fewer than 2 cases timed live in both runs'})),
        num(isNum(r.costRatio) ? ratio(r.costRatio) : 'unknown'),
        td(count(r.regressed), 'eg-num' + (r.regressed ? ' eg-bad' : ' eg-dim')),
        td(count(r.fixed), 'eg-num' + (r.fixed ? ' eg-good' : ' eg-dim'))));
    });
    section.appendChild(t.wrap);
    if ((view.judgedChanges || []).length) {
      // a model judge's change shrinks every real change by its J; the corrected change divides it out
      section.appendChild(el('p', {className: 'eg-sub', text: 'Judged pass rates (model judge): the raw judged change'
        + ' shrinks every real change by the judge\u2019s J; the corrected change divides it out, with the'
        + ' calibration\u2019s uncertainty.'}));
      section.appendChild(el('ul', {className: 'eg-run-notes', testid: 'judged-changes'},
        view.judgedChanges.map(function (line) { return el('li', {text: line}); })));
    }
    var flagged = [];
    c.targets.forEach(function (r) {
      (r.slices || []).filter(function (s) { return s.flagged; }).forEach(function (s) { flagged.push([r.id, s]); });
    });
    if (flagged.length) {
      section.appendChild(el('h3', {className: 'eg-h3', text: 'Slices that changed (report only, never the gate; Benjamini–Hochberg q = 0.10)'}));
      var st = table('compare-slices-table', ['Candidate', 'Slice', {text: 'Paired', num: true},
        {text: 'Base → head', num: true}, {text: 'Change', num: true}, {text: 'BH p', num: true}]);
      flagged.forEach(function (f) {
        var s = f[1];
        st.body.appendChild(el('tr', null, td(targetName(f[0], colors[f[0]] || '#98a2b3')),
          td(s.key + ' = ' + s.value), num(count(s.paired)), num(pct(s.baseRate) + ' → ' + pct(s.headRate)),
          td(points(s.difference), 'eg-num ' + (s.difference < 0 ? 'eg-bad' : 'eg-good')), num(pValue(s.adjustedP))));
      });
      section.appendChild(st.wrap);
    }
    section.appendChild(flipsTable(c.flips, colors));
    return section;
  }

  function flipsTable(flips, colors) {
    var box = el('div');
    var regressed = flips.filter(function (f) { return f.direction === 'regressed'; }).length;
    box.appendChild(el('h3', {className: 'eg-h3', text: 'Flipped cases: ' + regressed + ' regressed, '
      + (flips.length - regressed) + ' fixed'}));
    if (!flips.length) {
      box.appendChild(el('p', {className: 'eg-empty', text: 'No case changed outcome.'}));
      return box;
    }
    var t = table('flips-table', ['Case', 'Candidate', 'Change', {text: 'Expected'}, {text: 'Base answered'},
      {text: 'Head answered'}]);
    var shown = flips.slice().sort(function (a, b) {
      return (a.direction === b.direction ? 0 : a.direction === 'regressed' ? -1 : 1);
    });
    shown.slice(0, FLIPS_SHOWN).forEach(function (f) {
      var base = diff(f.expected, f.baseOutput);
      var head = diff(f.expected, f.headOutput);
      var row = el('tr', {testid: 'flip-row', 'data-direction': f.direction, 'data-case': f.caseId},
        td(el('span', {className: 'eg-case', text: f.caseId})),
        td(targetName(f.target, colors[f.target] || '#98a2b3')),
        td(badge(f.direction, f.direction)),
        td(el('div', {className: 'eg-text', text: f.expected == null ? '' : f.expected}), 'eg-col-text'),
        td(f.baseOutput == null ? '' : diffText(base, 'b', 'eg-got'), 'eg-col-text'),
        td(f.headOutput == null ? '' : diffText(head, 'b', 'eg-got'), 'eg-col-text'));
      row.addEventListener('click', function () { row.classList.toggle('eg-open'); });
      t.body.appendChild(row);
    });
    box.appendChild(t.wrap);
    if (flips.length > FLIPS_SHOWN) {
      box.appendChild(el('p', {className: 'eg-note', text: 'Showing ' + FLIPS_SHOWN + ' of ' + flips.length
        + ' flipped cases; evalgate compare --json lists all.'}));
    }
    return box;
  }

  // ---------------------------------------------------------------- entry point

  function render(root, view, options) {
    options = options || {};
    if (root.__evalgateView) root.__evalgateView.dispose();
    clear(root);
    root.classList.add('eg-root');
    var colors = colorsOf(view);
    var charts = [];
    var after = [];
    root.appendChild(header(view));
    if (view.verdict) root.appendChild(verdictSection(view.verdict));
    else if (view.verdictNote) root.appendChild(el('p', {className: 'eg-verdict-note', testid: 'verdict-note',
      text: 'No verdict: ' + view.verdictNote}));
    // a comparison is what the reader came for: it follows the verdict, before the run's own sections
    if (view.compare) root.appendChild(compareSection(view, colors));
    root.appendChild(candidatesSection(view, colors));
    if (view.grading && view.grading.length) root.appendChild(gradingSection(view, colors));
    root.appendChild(el('div', {className: 'eg-grid2'},
      latencySection(view, colors, charts, after), costSection(view, colors, charts, after)));
    if (view.confusion && view.confusion.length) root.appendChild(confusionSection(view, colors, charts, after));
    if (view.slices && view.slices.length) root.appendChild(slicesSection(view, colors));
    root.appendChild(failuresSection(view, colors, options));
    // charts are drawn once their hosts are in the page, so ECharts can measure them
    after.forEach(function (draw) { draw(); });
    function resize() { charts.forEach(function (c) { c.resize(); }); }
    global.addEventListener('resize', resize);
    var handle = {
      charts: charts,
      dispose: function () {
        global.removeEventListener('resize', resize);
        charts.forEach(function (c) { c.dispose(); });
        charts.length = 0;
      }
    };
    root.__evalgateView = handle;
    return handle;
  }

  global.EvalgateRunView = {render: render, diff: diff};
})(window);
