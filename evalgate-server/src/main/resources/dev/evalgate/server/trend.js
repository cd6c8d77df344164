/*
 * A suite's trend across runs, one ECharts chart per metric (SVG renderer), one line per target.
 * EvalgateTrend.render(element, runs, metric, palette, onRun): runs as GET /api/suites/{suite}/runs returns them,
 * oldest first; metric is passRate (drawn with its Wilson interval as a band), p95 or costPerRequest; palette gives
 * the targets' colours in order. The x axis holds the runs in time order, each labelled with its date and commit.
 * Clicking a point calls onRun(runId).
 * Names and commits reach the chart as data (drawn as SVG text) and the tooltip is built with DOM calls.
 */
(function () {
  'use strict';

  var METRICS = {
    passRate: {scale: 100, unit: '%', digits: 1, min0: false},
    p95: {scale: 1, unit: ' ms', digits: 0, min0: true},
    costPerRequest: {scale: 1, unit: '', digits: 6, min0: true, money: true}
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

  function render(element, runs, metric, palette, onRun) {
    var m = METRICS[metric];
    var ids = targetIds(runs);
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
      tooltip: {trigger: 'axis', formatter: tooltip(runs, metric, m)},
      xAxis: {type: 'category', boundaryGap: false, data: runs.map(label),
        axisLine: {lineStyle: {color: '#98a2b3'}},
        axisLabel: {color: '#475467', fontSize: 11, lineHeight: 15, hideOverlap: true}},
      yAxis: {type: 'value', scale: !m.min0, min: metric === 'passRate' ? function (v) {
        return Math.max(0, Math.floor((v.min - 5) / 5) * 5);
      } : 0, max: metric === 'passRate' ? 100 : null,
        axisLabel: {color: '#475467', formatter: function (v) { return format(m, v); }},
        splitLine: {lineStyle: {color: '#eef0f3'}}},
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
