// The dashboards' charts (issue 18): ECharts from its WebJar, drawn on a canvas (its SVG renderer writes
// style attributes, which the CSP refuses: decision 176). Each chart is an image for screen readers
// (role="img", its label says the table that follows holds the same data); the tooltip is drawn inside
// the chart (richText), since the CSP allows no inline style in HTML.
import * as echarts from 'echarts';

const PALETTE = ['#1d3557', '#2a6f97', '#e76f51', '#2a9d8f', '#8d5a97', '#b5651d', '#52796f', '#6c757d'];
const TEXT = { color: '#1b1b1b', fontFamily: 'system-ui, sans-serif', fontSize: 12 };

class BilanChart extends HTMLElement {
  set option(option) {
    this._option = option;
    if (this.isConnected) this._draw();
  }

  connectedCallback() {
    if (this._option) this._draw();
    this._resize = () => this._chart?.resize();
    window.addEventListener('resize', this._resize);
  }

  disconnectedCallback() {
    window.removeEventListener('resize', this._resize);
    this._chart?.dispose();
    this._chart = null;
  }

  _draw() {
    if (!this._chart) this._chart = echarts.init(this, null, { renderer: 'canvas' });
    this._chart.setOption({
      color: PALETTE, textStyle: TEXT, animation: false, aria: { enabled: false },
      tooltip: { renderMode: 'richText', confine: true }, ...this._option,
    }, true);
  }
}
customElements.define('bilan-chart', BilanChart);

const grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };
const legend = { top: 0, type: 'scroll' };

/** Stacked columns: one stack per category (x), one series per group. */
export function stackedColumns(categories, series) {
  return {
    grid, legend, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.data })),
  };
}

/** Grouped columns: several measures side by side for each category. */
export function groupedColumns(categories, series) {
  return {
    grid, legend, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
  };
}

/** Horizontal bars, longest first at the top; several series side by side. */
export function bars(labels, series) {
  return {
    grid: { ...grid, top: series.length > 1 ? 40 : 8 }, legend: series.length > 1 ? legend : { show: false },
    tooltip: { trigger: 'axis' },
    yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 190, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.data].reverse() })),
  };
}

/** A line with its points: the satisfaction trend (average from 1 to 5). */
export function trendLine(categories, name, data) {
  return {
    grid, legend: { show: false }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
    series: [{ type: 'line', name, data, symbolSize: 8, connectNulls: true }],
  };
}

/** The network of structures that met: a node per structure, a link per pair, its width by sessions. */
export function network(structures, meetings) {
  const max = Math.max(1, ...structures.map((s) => s.sessions));
  const maxLink = Math.max(1, ...meetings.map((m) => m.sessions));
  return {
    tooltip: {},
    series: [{
      type: 'graph', layout: 'circular', circular: { rotateLabel: false }, roam: false,
      left: '22%', right: '22%', top: 40, bottom: 40,
      label: { show: true, position: 'right', color: '#1b1b1b', width: 140, overflow: 'truncate' },
      lineStyle: { color: '#6c757d', opacity: 0.7, curveness: 0.2 },
      data: structures.map((s) => ({ id: s.id, name: s.name, value: s.sessions, symbolSize: 10 + 30 * (s.sessions / max) })),
      links: meetings.map((m) => ({ source: m.a, target: m.b, value: m.sessions, lineStyle: { width: 1 + 7 * (m.sessions / maxLink) } })),
    }],
  };
}
