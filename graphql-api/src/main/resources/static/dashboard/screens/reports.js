// Screen 5, 政治生态报告: the year's political-ecology report of the chosen organization:
// grade, score, rank among peers and last year, the dimension chart, the indicators that
// lost the most points, the narrative, the children's ranking, and the download links.
// Query: report.

import { gql } from '../api.js';
import * as Q from '../queries.js';
import { GRADE } from '../labels.js';
import { AXIS, Charts, TOOLTIP, empty, formatScore, gradeChip, h, kpi, panel, table } from '../ui.js';

export async function render(root, ctx) {
  const { org, route } = ctx;
  const year = route.year;
  const data = await gql(Q.report, { id: org.id, year, previous: year - 1 });
  if (!ctx.isCurrent()) return null;
  const charts = new Charts();
  const organization = data.organization;
  const report = organization.ecologyReport;

  if (!report) {
    root.appendChild(panel(`${organization.name} ${year}年度政治生态分析报告`,
      empty(`${organization.name}${year}年度的政治生态分析报告尚未生成（每年1月15日生成上一年度报告）`)));
    ctx.ready();
    return () => charts.disposeAll();
  }

  const change = report.previousScore === null || report.previousScore === undefined ? null : report.score - report.previousScore;
  root.appendChild(h('div', { class: 'kpis' },
    kpi(`${year}年度综合得分`, [h('span', { dataset: { test: 'report-score' } }, formatScore(report.score)), gradeChip(report.grade)],
      { tone: report.grade.toLowerCase(), sub: `${GRADE[report.grade].label}等级：${GRADE[report.grade].meaning}` }),
    kpi('同级排名', report.rankAmongPeers ? h('span', { dataset: { test: 'report-rank' } }, `${report.rankAmongPeers} / ${report.peerCount}`) : '—',
      { sub: '同一上级、同一层级的组织中（1 为最好）' }),
    kpi('较上年', change === null ? '—' : h('span', { class: change < 0 ? 'danger' : '' }, `${change >= 0 ? '+' : ''}${change.toFixed(1)}`),
      { sub: data.organization.lastYear ? `${year - 1}年度 ${formatScore(data.organization.lastYear.score)}（${GRADE[data.organization.lastYear.grade].label}）` : `${year - 1}年度无报告`,
        tone: change === null ? null : change < 0 ? 'red' : 'green' }),
    kpi('报告下载', h('span', { class: 'downloads' },
      h('a', { class: 'button', href: report.pdf, download: '', dataset: { test: 'download-pdf' } }, 'PDF'),
      h('a', { class: 'button', href: report.docx, download: '', dataset: { test: 'download-docx' } }, 'Word')),
    { sub: `生成于 ${new Date(report.generatedAt).toLocaleString('zh-CN', { hour12: false })}；链接数分钟内有效` })));

  const radar = h('div', { class: 'chart' });
  const ranking = h('div', { class: 'chart' });
  const indicators = [...report.indicators]
    .map((i) => ({ ...i, lost: (i.weight * (100 - i.score)) / 100 }))
    .sort((a, b) => b.lost - a.lost);
  const indicatorTable = table(['指标', '维度', h('span', { class: 'num' }, '原始值'), '得分', h('span', { class: 'num' }, '权重'), h('span', { class: 'num' }, '失分')],
    indicators.map((i) => ({
      code: i.code,
      cells: [
        i.name,
        h('span', { class: 'muted' }, i.dimension),
        h('td', { class: 'num' }, Number(i.value).toFixed(2)),
        h('td', {}, h('div', { style: { display: 'flex', alignItems: 'center', gap: '6px' } },
          h('span', { class: 'score-bar' }, h('i', { style: { width: `${Math.max(0, Math.min(100, i.score))}%`, background: i.score < 60 ? '#d63a3a' : i.score < 80 ? '#e8731c' : '#2e9d5b' } })),
          formatScore(i.score))),
        h('td', { class: 'num' }, String(i.weight)),
        h('td', { class: `num ${i.lost >= 2 ? 'danger' : ''}` }, i.lost.toFixed(1)),
      ],
    })),
    { emptyText: '报告中没有指标', rowAttributes: (r) => ({ dataset: { code: r.code } }) });
  const narrative = h('div', { class: 'narrative-text', dataset: { test: 'narrative' } },
    report.narrative.split(/\n+/).filter((p) => p.trim()).map((p) => h('p', {}, p.trim())));

  root.appendChild(h('div', { class: 'report-layout' },
    panel('各维度得分', radar, { className: 'radar' }),
    panel('指标明细（按失分排序）', indicatorTable, { className: 'indicators', extra: '失分 = 权重 ×（100 − 得分）/ 100' }),
    panel('分析研判', narrative, { className: 'narrative' }),
    panel(`下级组织${year}年度得分排名`, ranking, { className: 'ranking' })));

  charts.draw(radar, {
    tooltip: { ...TOOLTIP },
    radar: {
      indicator: report.dimensions.map((d) => ({ name: d.dimension, max: 100 })),
      radius: '66%',
      center: ['50%', '54%'],
      axisName: { color: '#dbe6f7', fontSize: 13 },
      splitLine: { lineStyle: { color: 'rgba(90,120,170,0.35)' } },
      splitArea: { areaStyle: { color: ['rgba(20,44,87,0.35)', 'rgba(20,44,87,0.15)'] } },
      axisLine: { lineStyle: { color: 'rgba(90,120,170,0.35)' } },
    },
    series: [{
      type: 'radar',
      data: [{
        name: `${organization.name} ${year}年度`,
        value: report.dimensions.map((d) => d.score),
        areaStyle: { color: 'rgba(242,193,78,0.25)' },
        lineStyle: { color: '#f2c14e', width: 2 },
        itemStyle: { color: '#f2c14e' },
        label: { show: true, color: '#fff', formatter: (p) => Number(p.value).toFixed(1) },
      }],
    }],
  }, { isEmpty: !report.dimensions.length, emptyText: '报告中没有维度得分' });

  const ranked = organization.children
    .filter((c) => c.ecologyReport)
    .sort((a, b) => b.ecologyReport.score - a.ecologyReport.score);
  charts.draw(ranking, {
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 46, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, ...AXIS },
    yAxis: { type: 'category', inverse: true, data: ranked.map((c) => c.name), ...AXIS, axisLabel: { color: '#b8c7e0', width: 130, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: ranked.map((c) => ({ value: c.ecologyReport.score, itemStyle: { color: GRADE[c.ecologyReport.grade].color } })),
      label: { show: true, position: 'right', color: '#fff', formatter: (p) => Number(p.value).toFixed(1) },
      barMaxWidth: 18,
    }],
  }, { isEmpty: !ranked.length, emptyText: '下级组织尚无该年度报告' });

  ctx.ready();
  return () => charts.disposeAll();
}
