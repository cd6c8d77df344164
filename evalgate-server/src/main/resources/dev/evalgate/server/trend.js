/*
 * A suite's trend across runs, one ECharts chart per metric (SVG renderer), one line per target.
 * EvalgateTrend.render(element, runs, metric, palette, onRun): runs as GET /api/suites/{suite}/runs returns them,
 * oldest first; metric is passRate (drawn with its Wilson interval as a band), p95 or costPerRequest; palette gives
 * the targets' colours in order. The x axis holds the runs in time order, each labelled with its date and commit.
 * Clicking a point calls onRun(runId). When every run's known cost is $0 (local candidates) the cost chart would be a
 * flat line at the bottom of an empty axis: the element says so in a line of text instead.
 * Names and commits reach the chart as data (drawn as SVG text) and the tooltip is built with DOM calls.
 */
(function () {
  'use strict';

  var METRICS = {
    passRate: {scale: 100, unit: '%', digits: 1, axisDigits: 0},
    p95: {scale: 1, unit: ' ms', digits: 0},
    costPerRequest: {scale: 1, unit: '', digits: 6, money: true}
  };

  function pad(n) { return String(n).padStart(2, '0'); }

  function label(run) {
    var d = new Date(run.startedAt);
    var when = pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
    return when + '\n' + (run.commit ? run.commit.substring(0, 7) + (run.dirty ? '*' : '') : '–');
  }

  function value(run, id, key, scale) {
    var t = run.targets.filter(function (x) { return x.id === id; })[0];
    var v = t ? t[key] : null;
    return v === null || v === undefined ? null : v * scale;
  }

  function format(m, v) {
    if (v === null || v === undefined) return 'unknown';
    if (m.money) return '$' + (v === 0 ? '0' : v >= 0.01 ? v.toFixed(4) : v.toPrecision(2));
    return v.toFixed(m.digits) + m.unit;
  }

  function targetIds(runs) {
    var ids = [];
    runs.forEach(function (r) { r.targets.forEach(function (t) { if (ids.indexOf(t.id) < 0) ids.push(t.id); }); });
    return ids;
  }

  function tooltip(runs, metric, m) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      if (list.length === 0) return '';
      var run = runs[list[0].dataIndex];
      var box = document.createElement('div');
      var title = document.createElement('div');
      title.className = 'egd-tip-title';
      title.textContent = run.runId + (run.commit ? ' · ' + run.commit.substring(0, 7) : '');
      box.appendChild(title);
      list.filter(function (p) { return !p.seriesId || p.seriesId.indexOf('band') !== 0; }).forEach(function (p) {
        var row = document.createElement('div');
        var dot = document.createElement('span');
        dot.className = 'egd-tip-dot';
        dot.style.background = p.color;
        row.appendChild(dot);
        var text = p.seriesName + ': ' + format(m, p.value);
        if (metric === 'passRate') {
          var lo = value(run, p.seriesName, 'passLo', 100);
          var hi = value(run, p.seriesName, 'passHi', 100);
          if (lo !== null && hi !== null) text += ' [' + lo.toFixed(1) + '–' + hi.toFixed(1) + ']';
        }
        row.appendChild(document.createTextNode(text));
        box.appendChild(row);
      });
      return box;
    };
  }

  /** Every value of one metric across runs and targets, scaled, unknowns left out. */
  function known(runs, key, scale) {
    var out = [];
    runs.forEach(function (r) {
      r.targets.forEach(function (t) { if (t[key] !== null && t[key] !== undefined) out.push(t[key] * scale); });
    });
    return out;
  }

  /**
   * The pass-rate axis from a round step below the lowest interval bound up to 100%. ECharts' own minimum can fall
   * between two ticks (15% under 20%), and the two labels then overlap.
   */
  function passRateAxis(runs) {
    var lows = known(runs, 'passLo', 100).concat(known(runs, 'passRate', 100));
    var lowest = lows.length ? Math.max(0, Math.min.apply(null, lows) - 2) : 0;
    var step = 100 - lowest > 50 ? 20 : 100 - lowest > 20 ? 10 : 5;
    return {min: Math.max(0, Math.floor(lowest / step) * step), max: 100, interval: step};
  }

  function zeroCostNote(element, runs) {
    var costs = known(runs, 'costPerRequest', 1);
    var zero = costs.length > 0 && costs.every(function (c) { return c === 0; });
    if (!zero && costs.length > 0) return false;
    var note = document.createElement('p');
    note.className = 'egd-trend-note';
    note.textContent = zero ? 'Every run cost $0 per request (local candidates).'
      : 'No run has a known cost (no price for its models).';
    element.classList.add('egd-trend-empty');
    element.replaceChildren(note);
    return true;
  }

  function render(element, runs, metric, palette, onRun) {
    var m = METRICS[metric];
    var ids = targetIds(runs);
    if (metric === 'costPerRequest' && zeroCostNote(element, runs)) return null;
    var series = [];
    ids.forEach(function (id, i) {
      var color = palette[i % palette.length];
      if (metric === 'passRate') {
        // The band is two stacked series: an invisible floor at the lower bound, then the interval's width.
        series.push({id: 'band-lo-' + i, type: 'line', stack: 'band-' + i, symbol: 'none', silent: true,
          lineStyle: {opacity: 0}, data: runs.map(function (r) { return value(r, id, 'passLo', 100); }),
          tooltip: {show: false}});
        series.push({id: 'band-w-' + i, type: 'line', stack: 'band-' + i, symbol: 'none', silent: true,
          lineStyle: {opacity: 0}, areaStyle: {color: color, opacity: 0.14},
          data: runs.map(function (r) {
            var lo = value(r, id, 'passLo', 100);
            var hi = value(r, id, 'passHi', 100);
            return lo === null || hi === null ? null : hi - lo;
          }), tooltip: {show: false}});
      }
      series.push({id: 'line-' + i, name: id, type: 'line', symbolSize: 7, color: color,
        lineStyle: {width: 2}, emphasis: {focus: 'series'},
        data: runs.map(function (r) { return value(r, id, metric, m.scale); })});
    });
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption({
      animation: false,
      grid: {left: 8, right: 16, top: 34, bottom: 8, containLabel: true},
      legend: {top: 0, data: ids, textStyle: {color: '#344054'}},
      tooltip: {trigger: 'axis', confine: true, formatter: tooltip(runs, metric, m)},
      xAxis: {type: 'category', boundaryGap: false, data: runs.map(label),
        axisLine: {lineStyle: {color: '#98a2b3'}},
        axisLabel: {color: '#475467', fontSize: 11, lineHeight: 15, hideOverlap: true}},
      yAxis: Object.assign(metric === 'passRate' ? passRateAxis(runs) : {min: 0}, {type: 'value',
        axisLabel: {color: '#475467', formatter: function (v) {
          return m.axisDigits === undefined ? format(m, v) : v.toFixed(m.axisDigits) + m.unit;
        }},
        splitLine: {lineStyle: {color: '#eef0f3'}}}),
      series: series
    });
    chart.on('click', function (p) {
      if (onRun && runs[p.dataIndex]) onRun(runs[p.dataIndex].runId);
    });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  window.EvalgateTrend = {render: render};
})();
