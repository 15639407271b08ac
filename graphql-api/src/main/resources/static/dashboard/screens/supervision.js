// Screen 3, 监督关系: pick a cadre (by default the principal of the chosen organization);
// the chain of principals above, the other supervisors beside it, everyone the cadre
// supervises directly below (click one to go on down), as an ECharts graph whose edges
// carry their kind in Chinese; the vacancies and blind spots under the cadre's
// organization are marked. Queries: findCadre, supervisionGraph, blindSpotsBelow.

import { gql } from '../api.js';
import * as Q from '../queries.js';
import { SUPERVISION_KIND, SUPERVISION_KIND_ORDER, TEAM_ROLE } from '../labels.js';
import { Charts, TOOLTIP, clear, empty, errorState, h, loading, panel } from '../ui.js';

const ROW_MAX = 150;
const PER_ROW = 8;
const SIDE = 70;
const VACANT_COLOR = '#f2c14e';
const BLIND_COLOR = '#ff4d4f';

function kindOrder(kind) {
  return SUPERVISION_KIND_ORDER.indexOf(kind);
}

function mergeEdges(edges, other) {
  // one entry per other cadre, with every kind that links them, in the schema's order
  const merged = new Map();
  for (const edge of edges) {
    const person = edge[other];
    const entry = merged.get(person.id) || { person, kinds: [], organizations: [], edge };
    if (!entry.kinds.includes(edge.kind)) entry.kinds.push(edge.kind);
    if (edge.organization && !entry.organizations.includes(edge.organization.name)) entry.organizations.push(edge.organization.name);
    merged.set(person.id, entry);
  }
  const list = [...merged.values()];
  for (const entry of list) entry.kinds.sort((a, b) => kindOrder(a) - kindOrder(b));
  list.sort((a, b) => kindOrder(a.kinds[0]) - kindOrder(b.kinds[0]) || a.person.code.localeCompare(b.person.code));
  return list;
}

function edgeText(kinds, suffix = '') {
  return kinds.map((k) => SUPERVISION_KIND[k].label).join('\n') + suffix;
}

function title(cadre) {
  return cadre.currentPosts && cadre.currentPosts.length ? cadre.currentPosts[0].title : '';
}

/**
 * Nodes and edges of the graph in pixels of a box of the given size: the chain above the
 * cadre, the other supervisors beside it, the supervisees below in rows. Each edge runs
 * through a small label node placed along it, so that its kind reads horizontally (two
 * edges between the same pair bend apart); links refer to nodes by index. Two invisible
 * anchors span the box so that ECharts draws it at one pixel per unit.
 */
export function buildGraph(cadre, blind, { width = 1200, height = 800 } = {}) {
  const nodes = [];
  const index = new Map();
  const links = [];
  const edges = [];
  const blindIds = new Set(blind ? blind.principalsWithoutSupervisor.map((c) => c.id) : []);
  const addNode = (key, node) => {
    if (!index.has(key)) {
      index.set(key, nodes.length);
      nodes.push({ id: `n${nodes.length}`, key, ...node, blind: blindIds.has(key) });
    }
    return index.get(key);
  };
  const style = (id, base) => (blindIds.has(id) ? { ...base, borderColor: BLIND_COLOR, borderWidth: 3 } : base);

  const supervisors = mergeEdges(cadre.supervisors, 'supervisor');
  const chain = cadre.supervisionChain;
  const chainIds = new Set(chain.map((p) => p.id));
  const others = supervisors.filter((s) => !chainIds.has(s.person.id) && s.person.id !== cadre.id);
  const supervisees = mergeEdges(cadre.supervisees, 'subject');
  const postOrgs = new Set(cadre.currentPosts.map((p) => p.organization.id));
  const vacancies = blind ? blind.vacancies.filter((o) => o.parent && postOrgs.has(o.parent.id)) : [];
  const otherIds = new Set(others.map((o) => o.person.id));
  const below = [
    ...supervisees.filter((e) => !chainIds.has(e.person.id) && !otherIds.has(e.person.id)).map((entry) => ({ type: 'cadre', entry })),
    ...vacancies.map((org) => ({ type: 'vacancy', org })),
  ];
  const rows = below.length ? Math.ceil(below.length / PER_ROW) : 0;
  const perRow = rows ? Math.ceil(below.length / rows) : 0;

  // vertical units: one per chain link above, the others just above the cadre, rows below
  const top = -Math.max(chain.length, others.length ? 0.9 : 0);
  const bottom = rows ? 1.5 + (rows - 1) * 1.05 : 0;
  const unit = Math.min(ROW_MAX, height / Math.max(1, bottom - top));
  const usedHeight = unit * (bottom - top);
  const cy = (height - usedHeight) / 2 - top * unit;
  const cx = width / 2;
  const X = (fraction) => cx + fraction * (width / 2 - SIDE);

  function edge(fromKey, toKey, kinds, { dashed = false, suffix = '', at = 0.5, bend = 0, both = false } = {}) {
    const from = nodes[index.get(fromKey)];
    const to = nodes[index.get(toKey)];
    const color = dashed ? VACANT_COLOR : SUPERVISION_KIND[kinds[0]].color;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const labelIndex = nodes.length;
    nodes.push({
      id: `n${labelIndex}`,
      key: `edge:${fromKey}:${toKey}`,
      kind: 'edge-label',
      kinds,
      name: edgeText(kinds, suffix),
      x: from.x + dx * at - (dy / length) * bend,
      y: from.y + dy * at + (dx / length) * bend,
      symbolSize: 1,
      itemStyle: { color: 'transparent' },
      label: {
        position: 'inside',
        formatter: edgeText(kinds, suffix),
        color: dashed ? VACANT_COLOR : '#eef3fb',
        fontSize: 11,
        lineHeight: 14,
        backgroundColor: 'rgba(7,20,43,0.92)',
        borderColor: color,
        borderWidth: 1,
        borderRadius: 3,
        padding: [2, 4],
      },
    });
    const line = () => ({ color, width: 1.8, type: dashed ? 'dashed' : 'solid', opacity: 0.95 });
    links.push({ source: labelIndex, target: index.get(fromKey), lineStyle: line(), symbol: ['none', both ? 'arrow' : 'none'], kinds });
    links.push({ source: labelIndex, target: index.get(toKey), lineStyle: line(), symbol: ['none', 'arrow'], kinds });
    edges.push({ from: fromKey, to: toKey, kinds, dashed, both });
  }

  addNode('anchor:0', { kind: 'anchor', name: '', x: 0, y: 0, symbolSize: 0, label: { show: false }, silent: true });
  addNode('anchor:1', { kind: 'anchor', name: '', x: width, y: height, symbolSize: 0, label: { show: false }, silent: true });
  addNode(cadre.id, {
    name: cadre.name, code: cadre.code, title: title(cadre), x: cx, y: cy, symbolSize: 40, kind: 'self',
    itemStyle: style(cadre.id, { color: '#d63a3a', borderColor: '#f2c14e', borderWidth: 2 }),
    label: { position: 'right', distance: 8 },
  });

  // the chain above, nearest first
  chain.forEach((person, i) => {
    addNode(person.id, {
      name: person.name, code: person.code, title: title(person), x: cx, y: cy - (i + 1) * unit, symbolSize: 28, kind: 'chain',
      itemStyle: style(person.id, { color: '#b8472f' }), label: { position: 'right', distance: 8 },
    });
  });
  chain.forEach((person, i) => {
    if (i === 0) {
      const direct = supervisors.find((s) => s.person.id === person.id);
      edge(person.id, cadre.id, direct ? direct.kinds : ['UPPER_PRINCIPAL']);
    } else {
      edge(person.id, chain[i - 1].id, ['UPPER_PRINCIPAL']);
    }
  });

  // the other supervisors, beside the chain
  others.forEach((entry, i) => {
    const side = i % 2 === 0 ? -1 : 1;
    const step = Math.floor(i / 2);
    addNode(entry.person.id, {
      name: entry.person.name, code: entry.person.code, title: '', x: X(side * (0.3 + 0.25 * step)), y: cy - 0.9 * unit,
      symbolSize: 22, kind: 'supervisor', itemStyle: style(entry.person.id, { color: '#5b6f96' }), label: { position: 'top' },
    });
  });
  for (const entry of others) {
    const mutual = supervisees.find((e) => e.person.id === entry.person.id);
    if (mutual && mutual.kinds.join() === entry.kinds.join()) {
      // the same kinds both ways (team members reminding each other): one line, two arrows
      edge(entry.person.id, cadre.id, entry.kinds, { at: 0.3, both: true, suffix: ' ⇄' });
    } else {
      edge(entry.person.id, cadre.id, entry.kinds, { at: 0.4, bend: mutual ? 18 : 0 });
      if (mutual) {
        edge(cadre.id, entry.person.id, mutual.kinds, { at: 0.6, bend: 18 });
      }
    }
  }
  // a supervisee on the chain (rare: mutual supervision within a team) gets its edge too
  for (const entry of supervisees) {
    if (chainIds.has(entry.person.id)) {
      edge(cadre.id, entry.person.id, entry.kinds, { bend: 24 });
    }
  }

  // below: rows of at most PER_ROW, every other row shifted by half a step so that lines
  // to a lower row pass between the nodes above; the kind sits just above each subject
  below.forEach((item, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, below.length - row * perRow);
    const column = i - row * perRow;
    const shift = rows > 1 && row % 2 === 1 ? 0.5 : 0;
    const slots = perRow - 1 + (rows > 1 ? 0.5 : 0);
    const fraction = slots <= 0 ? 0 : -1 + (2 * (column + shift + (perRow - inRow) / 2)) / slots;
    const depth = 1.5 + row * 1.05;
    const x = X(fraction);
    const y = cy + depth * unit;
    const at = 1 - 0.45 / depth;
    if (item.type === 'cadre') {
      const person = item.entry.person;
      addNode(person.id, {
        name: person.name, code: person.code, title: title(person), x, y, symbolSize: 20, kind: 'supervisee',
        itemStyle: style(person.id, { color: SUPERVISION_KIND[item.entry.kinds[0]].color }), label: { position: 'bottom' },
      });
      edge(cadre.id, person.id, item.entry.kinds, { at });
    } else {
      const key = `vacancy:${item.org.id}`;
      addNode(key, {
        name: item.org.name, code: item.org.code, title: '一把手空缺', x, y, symbolSize: 18, kind: 'vacancy', symbol: 'rect',
        itemStyle: { color: 'rgba(242,193,78,0.12)', borderColor: VACANT_COLOR, borderWidth: 2, borderType: 'dashed' },
        label: { position: 'bottom' },
      });
      edge(cadre.id, key, ['UPPER_PRINCIPAL'], { dashed: true, suffix: '（空缺）', at });
    }
  });
  return { nodes, links, edges };
}

function graphOption(graph) {
  return {
    tooltip: {
      ...TOOLTIP,
      formatter: (p) => {
        if (p.dataType === 'edge') {
          return p.data.kinds.map((k) => SUPERVISION_KIND[k].long).join('<br>');
        }
        const d = p.data;
        if (d.kind === 'edge-label') {
          return d.kinds.map((k) => SUPERVISION_KIND[k].long).join('<br>');
        }
        return [`<b>${d.name}</b> ${d.code || ''}`, d.title, d.blind ? '盲区：无上级一把手监督' : '', d.kind === 'vacancy' ? '一把手岗位空缺' : '']
          .filter(Boolean).join('<br>');
      },
    },
    series: [{
      type: 'graph',
      layout: 'none',
      roam: true,
      draggable: false,
      left: 10,
      right: 10,
      top: 45,
      bottom: 45,
      edgeSymbol: ['none', 'none'],
      edgeSymbolSize: 8,
      label: {
        show: true,
        color: '#e6eefb',
        fontSize: 12,
        formatter: (p) => {
          const d = p.data;
          const flag = d.blind ? '\n{blind|无上级监督}' : '';
          const sub = d.kind === 'vacancy' ? '{vacant|一把手空缺}' : d.title ? `{t|${d.title}}` : '';
          return sub ? `{n|${d.name}}\n${sub}${flag}` : `{n|${d.name}}${flag}`;
        },
        rich: {
          n: { color: '#ffffff', fontSize: 13, fontWeight: 'bold', lineHeight: 18 },
          t: { color: '#9fb3d6', fontSize: 11, lineHeight: 15 },
          vacant: { color: VACANT_COLOR, fontSize: 11, lineHeight: 15 },
          blind: { color: '#fff', backgroundColor: BLIND_COLOR, padding: [1, 3], borderRadius: 2, fontSize: 11, lineHeight: 16 },
        },
      },
      emphasis: { disabled: true },
      data: graph.nodes,
      links: graph.links,
    }],
  };
}

function legend() {
  return h('div', { class: 'kind-legend' },
    SUPERVISION_KIND_ORDER.map((k) => h('span', { style: { '--c': SUPERVISION_KIND[k].color } }, SUPERVISION_KIND[k].long)),
    h('span', { class: 'dashed', style: { '--c': VACANT_COLOR } }, '一把手空缺（虚线方框）'),
    h('span', { style: { '--c': BLIND_COLOR } }, '红框：无上级监督的一把手'));
}

export async function render(root, ctx) {
  const { org, route } = ctx;
  const charts = new Charts();
  const cadreCode = route.cadre || (org.principal ? org.principal.code : null);

  const searchInput = h('input', { type: 'search', placeholder: '姓名或干部编号', 'aria-label': '查找干部', id: 'cadre-search' });
  const results = h('ul', { class: 'results', id: 'cadre-results' });
  const facts = h('div', { id: 'cadre-facts' });
  const graphBox = h('div', { class: 'graph' });
  const blindBox = h('div', { id: 'blind-spots' });

  async function search(event) {
    if (event) event.preventDefault();
    const text = searchInput.value.trim();
    if (!text) return;
    clear(results).appendChild(loading('搜索中…'));
    try {
      const data = await gql(Q.findCadre, { text });
      clear(results);
      const found = data.searchCadres.edges.map((e) => e.node);
      if (!found.length) {
        results.appendChild(h('li', { class: 'muted' }, '管辖范围内未找到匹配的干部'));
      }
      for (const cadre of found) {
        results.appendChild(h('li', {
          class: cadre.code === cadreCode ? 'active' : '',
          dataset: { code: cadre.code },
          onclick: () => ctx.navigate({ cadre: cadre.code }),
        }, h('b', {}, cadre.name), ` ${cadre.code}`,
        h('small', {}, cadre.currentPosts.length ? cadre.currentPosts.map((p) => `${p.organization.name}${p.title}`).join('；') : '无现任职务')));
      }
      if (data.searchCadres.totalCount > found.length) {
        results.appendChild(h('li', { class: 'muted' }, `共 ${data.searchCadres.totalCount} 人，仅列前 ${found.length} 人，请细化条件`));
      }
    } catch (e) {
      clear(results).appendChild(errorState(e, () => search()));
    }
  }

  root.appendChild(h('div', { class: 'supervision-layout' },
    panel('选择干部', [
      h('form', { class: 'search-form', onsubmit: search }, searchInput, h('button', { class: 'button', type: 'submit' }, '查找')),
      results,
      facts,
    ]),
    panel('监督关系图', [legend(), graphBox], { className: 'graph-panel', extra: '上为监督链，下为监督对象；点击干部查看其监督关系，滚轮缩放' }),
    panel('空缺与盲区', blindBox, { className: 'blind-panel' })));

  if (!cadreCode) {
    facts.appendChild(empty(`${org.name}一把手空缺；请查找一名干部`));
    graphBox.appendChild(empty('请先选择干部'));
    blindBox.appendChild(empty('请先选择干部'));
    ctx.ready();
    return () => charts.disposeAll();
  }

  facts.appendChild(loading());
  graphBox.appendChild(loading());
  const data = await gql(Q.supervisionGraph, { code: cadreCode });
  if (!ctx.isCurrent()) return null;
  const cadre = data.cadreByCode;
  clear(facts);
  clear(graphBox);
  if (!cadre) {
    facts.appendChild(empty(`未找到干部 ${cadreCode}，或其不在本账号管辖范围内`));
    graphBox.appendChild(empty('无可显示的监督关系'));
    blindBox.appendChild(empty('—'));
    ctx.ready();
    return () => charts.disposeAll();
  }
  const post = cadre.currentPosts.find((p) => p.role === 'PRINCIPAL') || cadre.currentPosts[0] || null;
  let blind = null;
  clear(blindBox);
  if (post) {
    try {
      blind = (await gql(Q.blindSpotsBelow, { id: post.organization.id })).blindSpots;
    } catch (e) {
      blindBox.appendChild(errorState(e));
    }
  }
  if (!ctx.isCurrent()) return null;

  // ------------------------------------------------------------ facts
  const distinctSupervisees = new Set(cadre.supervisees.map((e) => e.subject.id)).size;
  facts.appendChild(h('div', { class: 'section-title' }, '干部信息'));
  facts.appendChild(h('dl', { class: 'facts' },
    h('dt', {}, '姓名'), h('dd', { class: 'strong', dataset: { test: 'cadre-name' } }, cadre.name),
    h('dt', {}, '编号'), h('dd', {}, cadre.code),
    h('dt', {}, '现任职务'), h('dd', {}, cadre.currentPosts.length
      ? cadre.currentPosts.map((p) => h('div', {}, `${p.organization.name} ${p.title}`, h('span', { class: 'tag' }, TEAM_ROLE[p.role] || p.role)))
      : '无现任职务'),
    h('dt', {}, '监督链长度'), h('dd', { dataset: { test: 'chain-depth' } }, String(cadre.chainDepth)),
    h('dt', {}, '管理幅度'), h('dd', { dataset: { test: 'span' } }, String(cadre.spanOfControl)),
    h('dt', {}, '直接监督对象'), h('dd', { dataset: { test: 'supervisees' } }, `${distinctSupervisees} 人`)));
  facts.appendChild(h('div', { class: 'section-title' }, '监督链（由近及远）'));
  facts.appendChild(cadre.supervisionChain.length
    ? h('ol', { class: 'list-plain', dataset: { test: 'chain' } }, cadre.supervisionChain.map((p) => h('li', { dataset: { code: p.code } }, `${p.name}`, h('span', { class: 'muted' }, ` ${title(p)}`))))
    : h('div', { class: 'muted', dataset: { test: 'chain' } }, '最高层级一把手，无上级监督链'));
  facts.appendChild(h('div', { class: 'section-title' }, '监督者'));
  const supervisors = mergeEdges(cadre.supervisors, 'supervisor');
  facts.appendChild(supervisors.length
    ? h('ul', { class: 'list-plain' }, supervisors.map((s) => h('li', {}, s.person.name, h('span', { class: 'muted' }, ` ${s.kinds.map((k) => SUPERVISION_KIND[k].label).join('、')}`))))
    : h('div', { class: 'muted' }, '无'));

  // ------------------------------------------------------------ graph
  const box = graphBox.getBoundingClientRect();
  const graph = buildGraph(cadre, blind, { width: Math.max(600, box.width - 20), height: Math.max(400, box.height - 90) });
  charts.draw(graphBox, graphOption(graph));
  const instance = charts.instances[charts.instances.length - 1];
  instance.on('click', (p) => {
    if (p.dataType === 'node' && p.data.kind !== 'vacancy' && p.data.kind !== 'self' && p.data.code) {
      ctx.navigate({ cadre: p.data.code });
    }
  });
  graphBox.dataset.nodes = String(graph.nodes.filter((n) => n.kind !== 'edge-label' && n.kind !== 'anchor').length);
  graphBox.dataset.edges = String(graph.edges.length);

  // ------------------------------------------------------------ blind spots
  if (blind) {
    blindBox.appendChild(h('div', { class: 'muted' }, `${post.organization.name}及其下级，截至 ${blind.asOf}`));
    blindBox.appendChild(h('div', { class: 'section-title' }, `一把手空缺的组织（${blind.vacancies.length}）`));
    blindBox.appendChild(blind.vacancies.length
      ? h('ul', { class: 'list-plain', dataset: { test: 'vacancies' } }, blind.vacancies.map((o) => h('li', { dataset: { code: o.code } }, h('span', { class: 'tag vacant' }, '空缺'), ` ${o.name}`)))
      : h('div', { class: 'muted', dataset: { test: 'vacancies' } }, '无空缺'));
    blindBox.appendChild(h('div', { class: 'section-title' }, `无上级监督的一把手（${blind.principalsWithoutSupervisor.length}）`));
    blindBox.appendChild(blind.principalsWithoutSupervisor.length
      ? h('ul', { class: 'list-plain', dataset: { test: 'unsupervised' } }, blind.principalsWithoutSupervisor.map((c) => h('li', { dataset: { code: c.code } }, h('span', { class: 'tag red' }, '盲区'), ` ${c.name} ${c.code}`)))
      : h('div', { class: 'muted', dataset: { test: 'unsupervised' } }, '无'));
  } else if (!post) {
    blindBox.appendChild(empty('该干部无现任职务'));
  }

  ctx.ready();
  return () => charts.disposeAll();
}
