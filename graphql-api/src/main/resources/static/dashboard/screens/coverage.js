// Screen 4, 谈话覆盖: whether the principals of the subtree were talked to as the rules
// require in the year, who was not, the vacant posts and blind spots, and the open talk
// obligations. Queries: coverage, openObligations.

import { gql } from '../api.js';
import * as Q from '../queries.js';
import { TALK_KIND } from '../labels.js';
import { Charts, TOOLTIP, h, kpi, panel, percent, table } from '../ui.js';

function rate(part, whole) {
  return whole ? Math.round((1000 * part) / whole) / 10 : 0;
}

function gauge(value, name, color) {
  return {
    type: 'gauge',
    min: 0,
    max: 100,
    startAngle: 210,
    endAngle: -30,
    radius: '92%',
    center: ['50%', '58%'],
    progress: { show: true, width: 16, itemStyle: { color } },
    axisLine: { lineStyle: { width: 16, color: [[1, 'rgba(90,120,170,0.25)']] } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    pointer: { show: false },
    anchor: { show: false },
    title: { show: true, offsetCenter: [0, '42%'], color: '#b8c7e0', fontSize: 13 },
    detail: { valueAnimation: false, offsetCenter: [0, '0%'], fontSize: 30, fontWeight: 'bold', color: '#fff', formatter: '{value}%' },
    data: [{ value, name }],
  };
}

export async function render(root, ctx) {
  const { org, route } = ctx;
  const year = route.year;
  const [cov, obl] = await Promise.all([
    gql(Q.coverage, { id: org.id, year }),
    gql(Q.openObligations, { under: org.id }),
  ]);
  if (!ctx.isCurrent()) return null;
  const charts = new Charts();
  const c = cov.supervisionCoverage;
  const blind = cov.blindSpots;
  const obligations = obl.talkObligations;

  root.appendChild(h('div', { class: 'kpis' },
    kpi(`一把手人数（${year}年度）`, String(c.principals), { test: 'principals', sub: '本组织及全部下级' }),
    kpi('已开展监督谈话', String(c.withSupervisionTalk), { test: 'with-talk', tone: 'green', sub: `覆盖率 ${percent(c.withSupervisionTalk, c.principals)}` }),
    kpi('未覆盖的一把手', String(c.uncovered.totalCount), { test: 'uncovered-total', tone: c.uncovered.totalCount ? 'red' : 'green', sub: '既无监督谈话也无及时任职谈话' }),
    kpi('新任一把手', String(c.newPrincipals), { test: 'new-principals', sub: `及时任职谈话 ${c.withTimelyAppointmentTalk} 人` }),
    kpi('一把手空缺', String(c.vacancies.totalCount), { test: 'vacancies-total', tone: c.vacancies.totalCount ? 'orange' : 'green', sub: `${year}年度参考日；今日空缺 ${blind.vacancies.length} 个` }),
    kpi('待完成谈话义务', String(obligations.totalCount), { test: 'obligations-total', tone: obligations.totalCount ? 'orange' : 'green', sub: '应谈未谈' })));

  const gaugeBox = h('div', { class: 'chart' });
  const uncoveredList = table(['干部编号', '姓名'],
    c.uncovered.edges.map((e) => ({ code: e.node.code, cells: [e.node.code, h('span', { class: 'strong' }, e.node.name)] })),
    { emptyText: '全部一把手均已覆盖', rowAttributes: (r) => ({ dataset: { code: r.code } }) });
  const vacancyList = table(['组织代码', '组织名称'],
    c.vacancies.edges.map((e) => ({ code: e.node.code, cells: [e.node.code, e.node.name] })),
    { emptyText: `${year}年度参考日无空缺`, rowAttributes: (r) => ({ dataset: { code: r.code } }) });
  const blindList = h('div', {},
    h('div', { class: 'section-title' }, `今日一把手空缺的组织（${blind.vacancies.length}）`),
    blind.vacancies.length
      ? h('ul', { class: 'list-plain', dataset: { test: 'blind-vacancies' } }, blind.vacancies.map((o) => h('li', { dataset: { code: o.code } }, h('span', { class: 'tag vacant' }, '空缺'), ` ${o.name}`, h('span', { class: 'muted' }, ` ${o.code}`))))
      : h('div', { class: 'muted' }, '无'),
    h('div', { class: 'section-title' }, `无上级监督的一把手（${blind.principalsWithoutSupervisor.length}）`),
    blind.principalsWithoutSupervisor.length
      ? h('ul', { class: 'list-plain' }, blind.principalsWithoutSupervisor.map((p) => h('li', {}, h('span', { class: 'tag red' }, '盲区'), ` ${p.name}`)))
      : h('div', { class: 'muted' }, '无'));
  const obligationTable = table(['谈话类别', '应完成日期', '应谈话人', '谈话对象', '所在组织'],
    obligations.edges.map((e) => ({ cells: [TALK_KIND[e.node.kind] || e.node.kind, e.node.dueOn, e.node.owner.name, h('span', { class: 'strong' }, e.node.subject.name), e.node.organization.name] })),
    { emptyText: '没有待完成的谈话义务', className: 'obligations' });

  root.appendChild(h('div', { class: 'coverage-layout' },
    panel(`谈话覆盖率（${year}年度）`, gaugeBox),
    panel('未覆盖的一把手', uncoveredList, { extra: `共 ${c.uncovered.totalCount} 人，列前 ${c.uncovered.edges.length} 人` }),
    panel('空缺与盲区', blindList),
    panel('待完成的谈话义务（按应完成日期）', obligationTable, { className: 'span-2', extra: `共 ${obligations.totalCount} 项，列前 ${obligations.edges.length} 项` }),
    panel(`一把手空缺的组织（${year}年度参考日）`, vacancyList, { extra: `共 ${c.vacancies.totalCount} 个` })));

  charts.draw(gaugeBox, {
    tooltip: { ...TOOLTIP, formatter: (p) => `${p.name}：${p.value}%` },
    series: [
      { ...gauge(rate(c.withSupervisionTalk, c.principals), '监督谈话覆盖率', '#2e9d5b'), center: ['26%', '56%'], radius: '80%' },
      (() => {
        const timely = gauge(rate(c.withTimelyAppointmentTalk, c.newPrincipals), '任职谈话及时率', '#4f9cf0');
        return {
          ...timely, center: ['74%', '56%'], radius: '80%',
          detail: { ...timely.detail, formatter: c.newPrincipals ? '{value}%' : '无新任', fontSize: c.newPrincipals ? 30 : 22 },
        };
      })(),
    ],
  }, { isEmpty: !c.principals, emptyText: '该范围内没有一把手' });

  ctx.ready();
  return () => charts.disposeAll();
}
