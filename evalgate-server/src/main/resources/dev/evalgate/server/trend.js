/*
 * A suite's trend across runs, one ECharts chart per metric (SVG renderer), one line per target.
 * EvalgateTrend.render(element, runs, metric, palette, onRun): runs as GET /api/suites/{suite}/runs returns them,
 * oldest first; metric is passRate (drawn with its Wilson interval as a band), p95 or costPerRequest; palette gives
 * the targets' colours in order. The x axis is time: each run sits at its startedAt, so runs made on irregular days
 * are spaced as they happened, and the run's short commit is written next to its topmost point wherever it fits.
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
  var COMMIT_FONT = {size: 10,
    family: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace'};
  /** Pixels kept free between two commit labels, so neighbours read as two words. */
  var LABEL_GAP = 8;

  function pad(n) { return String(n).padStart(2, '0'); }

  function when(run) {
    var d = new Date(run.startedAt);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  function commit(run) { return run.commit ? run.commit.substring(0, 7) + (run.dirty ? '*' : '') : ''; }

  function time(run) { return new Date(run.startedAt).getTime(); }

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

  /** Whether a series is drawn around the targets' lines (interval bands, commit labels) rather than being one. */
  function isDecoration(p) { return !p.seriesId || String(p.seriesId).indexOf('line-') !== 0; }

  function tooltip(runs, metric, m) {
    return function (params) {
      var list = (Array.isArray(params) ? params : [params]).filter(function (p) { return !isDecoration(p); });
      if (list.length === 0) return '';
      var run = runs[list[0].dataIndex];
      var box = document.createElement('div');
      var title = document.createElement('div');
      title.className = 'egd-tip-title';
      title.textContent = run.runId;
      box.appendChild(title);
      var sub = document.createElement('div');
      sub.className = 'egd-tip-sub';
      sub.textContent = when(run) + (run.commit ? ' · ' + commit(run) : '');
      box.appendChild(sub);
      list.forEach(function (p) {
        var row = document.createElement('div');
        var dot = document.createElement('span');
        dot.className = 'egd-tip-dot';
        dot.style.background = p.color;
        row.appendChild(dot);
        var text = p.seriesName + ': ' + format(m, p.value[1]);
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

  /** The time axis, widened a little past the first and last run so their points and labels are not cut off. */
  function timeAxis(runs) {
    var first = time(runs[0]);
    var last = time(runs[runs.length - 1]);
    var margin = Math.max((last - first) * 0.05, 3600 * 1000);
    return {type: 'time', min: first - margin, max: last + margin,
      axisLine: {lineStyle: {color: '#98a2b3'}},
      axisTick: {lineStyle: {color: '#98a2b3'}},
      // Nice ticks only: a label at the widened ends would name a time no run has.
      axisLabel: {color: '#475467', fontSize: 11, hideOverlap: true, showMinLabel: false, showMaxLabel: false,
        formatter: {year: '{yyyy}', month: '{MMM} {d}', day: '{MMM} {d}', hour: '{HH}:{mm}', minute: '{HH}:{mm}',
          second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}'}}};
  }

  /** For each run, the highest of its targets' values (the point its commit label sits above), or null. */
  function tops(runs, ids, metric, scale) {
    return runs.map(function (r) {
      var vs = ids.map(function (id) { return value(r, id, metric, scale); })
        .filter(function (v) { return v !== null; });
      return vs.length ? Math.max.apply(null, vs) : null;
    });
  }

  function textWidth(text) {
    var ctx = textWidth.ctx || (textWidth.ctx = document.createElement('canvas').getContext('2d'));
    if (!ctx) return text.length * COMMIT_FONT.size * 0.62;
    ctx.font = COMMIT_FONT.size + 'px ' + COMMIT_FONT.family;
    return ctx.measureText(text).width;
  }

  /**
   * Which runs get a commit label at the chart's current width: newest first, each one only where it clears the
   * label already placed to its right, so twenty runs on a narrow chart label every second or third run evenly.
   */
  function labelledRuns(chart, runs, highest) {
    var shown = runs.map(function () { return false; });
    var leftEdge = Infinity;
    for (var k = runs.length - 1; k >= 0; k--) {
      var text = commit(runs[k]);
      if (!text || highest[k] === null) continue;
      var x = chart.convertToPixel({xAxisIndex: 0}, time(runs[k]));
      var half = textWidth(text) / 2;
      if (x + half + LABEL_GAP <= leftEdge) {
        shown[k] = true;
        leftEdge = x - half;
      }
    }
    return shown;
  }

  /**
   * The commit labels as a series of their own: one invisible marker per labelled run, on its highest point, drawn
   * above every line so a crossing line never cuts a label.
   */
  function commitSeries(runs, highest, shown) {
    var data = [];
    runs.forEach(function (r, k) {
      if (shown[k]) data.push({value: [time(r), highest[k]], commit: commit(r)});
    });
    return {id: 'commits', type: 'scatter', z: 5, silent: true, symbolSize: 7, itemStyle: {color: 'transparent'},
      tooltip: {show: false}, emphasis: {disabled: true},
      label: {show: true, position: 'top', distance: 6, color: '#667085', fontSize: COMMIT_FONT.size,
        fontFamily: COMMIT_FONT.family, textBorderColor: '#fff', textBorderWidth: 3,
        formatter: function (p) { return p.data.commit; }},
      labelLayout: {hideOverlap: true}, data: data};
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

  function bandSeries(runs, id, i, color) {
    // The band is two series stacked by run index: an invisible floor at the lower bound, then the interval's width.
    // Both carry each run's time as x, so the band bends at the same places the line does.
    var floor = runs.map(function (r) { return [time(r), value(r, id, 'passLo', 100)]; });
    var width = runs.map(function (r) {
      var lo = value(r, id, 'passLo', 100);
      var hi = value(r, id, 'passHi', 100);
      return [time(r), lo === null || hi === null ? null : hi - lo];
    });
    return [
      {id: 'band-lo-' + i, type: 'line', stack: 'band-' + i, symbol: 'none', silent: true, lineStyle: {opacity: 0},
        data: floor, tooltip: {show: false}},
      {id: 'band-w-' + i, type: 'line', stack: 'band-' + i, symbol: 'none', silent: true, lineStyle: {opacity: 0},
        areaStyle: {color: color, opacity: 0.14}, data: width, tooltip: {show: false}}];
  }

  function render(element, runs, metric, palette, onRun) {
    var m = METRICS[metric];
    var ids = targetIds(runs);
    if (runs.length === 0) return null;
    if (metric === 'costPerRequest' && zeroCostNote(element, runs)) return null;
    var highest = tops(runs, ids, metric, m.scale);
    var series = [];
    ids.forEach(function (id, i) {
      var color = palette[i % palette.length];
      if (metric === 'passRate') series = series.concat(bandSeries(runs, id, i, color));
      series.push({id: 'line-' + i, name: id, type: 'line', symbolSize: 7, color: color,
        lineStyle: {width: 2}, emphasis: {focus: 'series'},
        data: runs.map(function (r) { return [time(r), value(r, id, metric, m.scale)]; })});
    });
    series.push(commitSeries(runs, highest, runs.map(function () { return false; })));
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption({
      animation: false,
      grid: {left: 8, right: 16, top: 42, bottom: 8, containLabel: true},
      legend: {top: 0, data: ids, textStyle: {color: '#344054'}},
      tooltip: {trigger: 'axis', confine: true, formatter: tooltip(runs, metric, m)},
      xAxis: timeAxis(runs),
      yAxis: Object.assign(metric === 'passRate' ? passRateAxis(runs) : {min: 0}, {type: 'value',
        axisLabel: {color: '#475467', formatter: function (v) {
          return m.axisDigits === undefined ? format(m, v) : v.toFixed(m.axisDigits) + m.unit;
        }},
        splitLine: {lineStyle: {color: '#eef0f3'}}}),
      series: series
    });
    // How many date ticks and which commit labels fit depend on the chart's width, known once it is laid out.
    // ECharts' default of five date ticks sets labels shoulder to shoulder on a third of a screen: one per ~100px.
    function fit() {
      chart.setOption({xAxis: {splitNumber: Math.max(2, Math.floor(chart.getWidth() / 100))},
        series: [commitSeries(runs, highest, labelledRuns(chart, runs, highest))]});
    }
    fit();
    chart.on('click', 'series', function (p) {
      if (onRun && !isDecoration(p) && runs[p.dataIndex]) onRun(runs[p.dataIndex].runId);
    });
    window.addEventListener('resize', function () { chart.resize(); fit(); });
    return chart;
  }

  window.EvalgateTrend = {render: render};
})();
