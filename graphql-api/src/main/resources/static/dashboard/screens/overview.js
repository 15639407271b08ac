// Screen 1, 综合态势: the children of the chosen organization with their grade for the year,
// open and overdue tasks, findings by source and severity, and the trend of the last years.
// Queries: overview, gradesAndTrend, findingsBySourceAndSeverity.

import { gql } from '../api.js';
import * as Q from '../queries.js';
import { GRADE, GRADE_ORDER, ORG_LEVEL, SEVERITY } from '../labels.js';
import { AXIS, Charts, LEGEND, TOOLTIP, formatScore, gradeChip, h, kpi, panel, table } from '../ui.js';

const SOURCE_COLORS = ['#4f9cf0', '#3cc4a0', '#f2c14e', '#e8731c', '#a77be8', '#6ad0f5', '#e45b5b', '#8f9bb3'];

function sum(rows, pick) {
  return rows.reduce((total, row) => total + pick(row), 0);
}

export async function render(root, ctx) {
  const { org, route } = ctx;
  const year = route.year;
  const [ov, gt, fb] = await Promise.all([
    gql(Q.overview, { id: org.id }),
    gql(Q.gradesAndTrend, { id: org.id, year, y1: year - 1, y2: year - 2, y3: year - 3 }),
    gql(Q.findingsBySourceAndSeverity, { under: org.id }),
  ]);
  if (!ctx.isCurrent()) {
    return null;
  }
  const charts = new Charts();
  const self = gt.organization;
  const children = ov.organization.children;
  const grades = new Map(self.children.map((c) => [c.code, c]));
  const own = self.y0;

  // ------------------------------------------------------------ KPIs
  const gradeCount = Object.fromEntries(GRADE_ORDER.map((g) => [g, 0]));
  for (const child of self.children) {
    if (child.y0) gradeCount[child.y0.grade] += 1;
  }
  const vacant = children.filter((c) => c.vacant).length;
  const kpis = h('div', { class: 'kpis' },
    kpi(`本级综合得分（${year}年度）`, own ? [h('span', { dataset: { test: 'own-score' } }, formatScore(own.score)), gradeChip(own.grade)] : gradeChip(null),
      { sub: own ? `上年 ${formatScore(self.y1 ? self.y1.score : null)}` : '该年度尚未生成报告', tone: own ? own.grade.toLowerCase() : null }),
    kpi('在办整改任务', String(self.open.totalCount), { test: 'kpi-open', sub: '含全部下级（已交办、整改中、已报送）' }),
    kpi('逾期整改任务', String(self.overdue.totalCount), { test: 'kpi-overdue', tone: self.overdue.totalCount ? 'red' : 'green', sub: '今日已超过整改期限' }),
    kpi('问题线索总数', String(self.findings.totalCount), { test: 'kpi-findings', sub: '含全部下级' }),
    kpi('下级组织', String(children.length), {
      test: 'kpi-children',
      sub: h('span', { class: 'grade-counts' },
        GRADE_ORDER.map((g) => h('span', { class: `grade grade-${g.toLowerCase()}`, dataset: { gradeCount: g } }, `${GRADE[g].label} ${gradeCount[g]}`)),
        vacant ? h('span', { class: 'tag vacant' }, `一把手空缺 ${vacant}`) : null),
    }));

  // ------------------------------------------------------------ children table
  const rows = children.map((child) => ({ child, report: grades.get(child.code) }));
  const childTable = table(
    ['下级组织', '层级', '一把手', `${year}年度等级`, '同级排名', h('span', { class: 'num' }, '在办'), h('span', { class: 'num' }, '逾期'), h('span', { class: 'num' }, '问题')],
    rows.map(({ child, report }) => ({
      code: child.code,
      id: report ? report.id : null,
      cells: [
        h('span', { class: 'strong' }, child.name),
        ORG_LEVEL[child.level] || child.level,
        child.principal ? child.principal.name : h('span', { class: 'tag vacant' }, '空缺'),
        h('td', { class: 'grade-cell' }, gradeChip(report && report.y0 ? report.y0.grade : null, report && report.y0 ? report.y0.score : null)),
        report && report.y0 && report.y0.rankAmongPeers ? `第 ${report.y0.rankAmongPeers} 名` : '—',
        h('td', { class: 'num open' }, String(child.open.totalCount)),
        h('td', { class: `num overdue ${child.overdue.totalCount ? 'danger strong' : ''}` }, String(child.overdue.totalCount)),
        h('td', { class: 'num findings' }, String(child.findings.totalCount)),
      ],
    })),
    {
      emptyText: '该组织没有下级组织',
      rowAttributes: (row) => ({
        class: row.id ? 'clickable' : '',
        dataset: { code: row.code },
        title: row.id ? '点击查看该组织' : null,
        onclick: row.id ? () => ctx.navigate({ org: row.id, cadre: null }) : null,
      }),
    });

  const rectChart = h('div', { class: 'chart' });
  const sourceChart = h('div', { class: 'chart' });
  const severityChart = h('div', { class: 'chart' });
  const trendChart = h('div', { class: 'chart' });

  root.appendChild(kpis);
  root.appendChild(h('div', { class: 'overview' },
    panel(`下级组织政治生态等级与整改情况（${year}年度）`, childTable, {
      className: 'children-panel',
      extra: h('span', {}, '点击行进入下级组织'),
    }),
    panel('在办与逾期整改任务（按下级组织）', rectChart, { className: 'rect-panel' }),
    h('div', { class: 'bottom' },
      panel('问题线索来源分布', sourceChart),
      panel('问题严重程度（按下级组织）', severityChart),
      panel(`政治生态综合得分趋势（${year - 3}—${year}年）`, trendChart))));

  // ------------------------------------------------------------ charts
  const names = children.map((c) => c.name);
  charts.draw(rectChart, {
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { ...LEGEND, data: ['在办（未逾期）', '逾期'] },
    grid: { left: 134, right: 28, top: 30, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, ...AXIS },
    yAxis: { type: 'category', data: names, inverse: true, ...AXIS, axisLabel: { color: '#b8c7e0', width: 124, overflow: 'truncate' } },
    series: [
      { name: '在办（未逾期）', type: 'bar', stack: 'tasks', data: children.map((c) => Math.max(0, c.open.totalCount - c.overdue.totalCount)), itemStyle: { color: '#4f9cf0' } },
      { name: '逾期', type: 'bar', stack: 'tasks', data: children.map((c) => c.overdue.totalCount), itemStyle: { color: '#d63a3a' }, label: { show: true, position: 'right', color: '#ffb0b0', formatter: (p) => (p.value ? p.value : '') } },
    ],
  }, { isEmpty: !children.length || !sum(children, (c) => c.open.totalCount + c.overdue.totalCount), emptyText: '暂无在办整改任务' });

  const bySource = new Map();
  for (const row of fb.bySource) {
    for (const count of row.counts) {
      const entry = bySource.get(count.key) || { name: count.label, value: 0 };
      entry.value += count.count;
      bySource.set(count.key, entry);
    }
  }
  const sourceData = [...bySource.values()].filter((d) => d.value > 0);
  charts.draw(sourceChart, {
    tooltip: { ...TOOLTIP, trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { ...LEGEND, orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
    color: SOURCE_COLORS,
    series: [{
      type: 'pie', radius: ['38%', '68%'], center: ['36%', '52%'], data: sourceData,
      label: { color: '#dbe6f7', formatter: '{c}' }, labelLine: { length: 6, length2: 6 },
    }],
  }, { isEmpty: !sourceData.length, emptyText: '暂无问题线索' });

  const severityKeys = ['SERIOUS', 'GENERAL', 'EARLY_SIGN'];
  const severityRows = fb.bySeverity;
  charts.draw(severityChart, {
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { ...LEGEND, data: severityKeys.map((k) => SEVERITY[k].label) },
    grid: { left: 8, right: 12, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: severityRows.map((r) => r.organization.name), ...AXIS, axisLabel: { color: '#b8c7e0', rotate: 30, width: 90, overflow: 'truncate', interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: severityKeys.map((key) => ({
      name: SEVERITY[key].label,
      type: 'bar',
      stack: 'severity',
      itemStyle: { color: SEVERITY[key].color },
      data: severityRows.map((r) => (r.counts.find((c) => c.key === key) || { count: 0 }).count),
    })),
  }, { isEmpty: !severityRows.length || !sum(severityRows, (r) => r.total), emptyText: '暂无问题线索' });

  const years = [year - 3, year - 2, year - 1, year];
  const keys = ['y3', 'y2', 'y1', 'y0'];
  const ownSeries = keys.map((k) => (self[k] ? {
    value: self[k].score,
    itemStyle: { color: GRADE[self[k].grade].color },
  } : '-'));
  const childSeries = self.children
    .filter((c) => keys.some((k) => c[k]))
    .map((c) => ({
      name: c.name,
      type: 'line',
      data: keys.map((k) => (c[k] ? c[k].score : '-')),
      connectNulls: false,
      symbolSize: 5,
      lineStyle: { width: 1.2, opacity: 0.55 },
      itemStyle: { opacity: 0.7 },
    }));
  const hasTrend = ownSeries.some((v) => v !== '-') || childSeries.length;
  charts.draw(trendChart, {
    tooltip: { ...TOOLTIP, trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(1) : '无报告') },
    legend: { ...LEGEND, data: [org.name, ...childSeries.map((s) => s.name)], selected: Object.fromEntries(childSeries.slice(4).map((s) => [s.name, false])) },
    grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`), boundaryGap: true, ...AXIS },
    yAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100, ...AXIS },
    series: [
      {
        name: org.name, type: 'line', data: ownSeries, symbolSize: 11, z: 5,
        lineStyle: { width: 3, color: '#f2c14e' }, itemStyle: { color: '#f2c14e' },
        label: { show: true, color: '#fff', formatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(1) : '') },
      },
      ...childSeries,
    ],
  }, { isEmpty: !hasTrend, emptyText: '近年尚未生成政治生态分析报告' });

  ctx.ready();
  return () => charts.disposeAll();
}
