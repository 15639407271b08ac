// Screen 2, 逾期督办: overdue tasks of the chosen organization's subtree, most days first,
// each with its days overdue and the steps the sweep issued; kept live through the
// rectificationOverdue subscription (rows replaced or inserted as steps are issued).
// Queries: overdueList; subscription liveOverdueRows.

import { gql } from '../api.js';
import * as Q from '../queries.js';
import { RECTIFICATION_STATUS, REMINDER_LEVEL, REMINDER_ORDER, SEVERITY } from '../labels.js';
import { clear, empty, errorState, h, kpi, panel } from '../ui.js';

function compare(a, b) {
  return b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function dayClass(days) {
  if (days >= 30) return 'd30';
  if (days >= 15) return 'd15';
  return 'd1';
}

function steps(task) {
  const issued = new Map(task.reminders.map((r) => [r.level, r]));
  return h('div', { class: 'steps', dataset: { test: 'steps' } }, REMINDER_ORDER.map((level) => {
    const step = issued.get(level);
    const label = REMINDER_LEVEL[level].label;
    return step
      ? h('span', { class: 'step issued', dataset: { level }, title: `${label}：${step.issuedOn} 发往 ${step.issuedTo ? step.issuedTo.name : ''}` },
        label, h('small', {}, step.issuedOn.slice(5)))
      : h('span', { class: 'step', dataset: { level: `${level}-pending` }, title: `逾期满 ${REMINDER_LEVEL[level].from} 天时发出` }, label);
  }));
}

function row(task, flash) {
  const finding = task.finding;
  const severity = SEVERITY[finding.severity];
  return h('tr', { dataset: { id: task.id }, class: flash ? 'flash' : '' },
    h('td', { class: `days ${dayClass(task.daysOverdue)}`, dataset: { test: 'days' } }, String(task.daysOverdue)),
    h('td', {},
      h('div', { class: 'strong' }, task.responsibleOrganization.name),
      h('div', { class: 'muted' }, task.responsibleCadre ? task.responsibleCadre.name : '未指定责任人')),
    h('td', { class: 'cell-desc' },
      h('div', {}, finding.description,
        finding.concernsPrincipal ? h('span', { class: 'tag red' }, '涉及一把手') : null),
      h('div', { class: 'measures' }, `整改措施：${task.measures}`)),
    h('td', {}, h('span', { class: 'tag', style: { color: severity.color, borderColor: severity.color } }, severity.short)),
    h('td', {}, task.deadline),
    h('td', {}, RECTIFICATION_STATUS[task.status] || task.status),
    h('td', {}, steps(task)));
}

export async function render(root, ctx) {
  const { org } = ctx;
  let tasks = new Map();
  let total = 0;
  let received = 0;
  let disposed = false;
  let countTimer = null;
  const body = h('tbody', {});
  const tableHolder = h('div', {});
  const feed = h('ul', { class: 'feed', dataset: { test: 'feed' } });
  const totalValue = h('span', { dataset: { test: 'overdue-total' } }, '—');
  const summonsValue = h('span', {}, '—');
  const escalationValue = h('span', {}, '—');
  const receivedValue = h('span', { dataset: { test: 'received' } }, '0');

  function redraw(flashId) {
    const sorted = [...tasks.values()].sort(compare);
    clear(body);
    for (const task of sorted) {
      body.appendChild(row(task, task.id === flashId));
    }
    clear(tableHolder);
    if (!sorted.length) {
      tableHolder.appendChild(empty('当前没有逾期整改任务'));
    } else {
      tableHolder.appendChild(h('table', { class: 'grid overdue-table' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'num' }, '逾期天数'), h('th', {}, '责任单位 / 责任人'), h('th', {}, '问题与整改措施'),
          h('th', {}, '严重程度'), h('th', {}, '整改期限'), h('th', {}, '状态'), h('th', {}, '督办步骤'))),
        body));
    }
    totalValue.textContent = String(total);
    summonsValue.textContent = String(sorted.filter((t) => t.reminders.some((r) => r.level === 'SUMMONS')).length);
    escalationValue.textContent = String(sorted.filter((t) => t.reminders.some((r) => r.level === 'ESCALATION')).length);
  }

  async function load() {
    const data = await gql(Q.overdueList, { under: org.id });
    tasks = new Map(data.rectifications.edges.map((e) => [e.node.id, e.node]));
    total = data.rectifications.totalCount;
    redraw(null);
  }

  function recount() {
    clearTimeout(countTimer);
    countTimer = setTimeout(async () => {
      try {
        const data = await gql(Q.overdueList, { under: org.id });
        if (!disposed) {
          total = Math.max(data.rectifications.totalCount, 0);
          totalValue.textContent = String(total);
        }
      } catch (e) {
        // the count stays as it was; the rows are already right
      }
    }, 1500);
  }

  function arrived(task) {
    received += 1;
    receivedValue.textContent = String(received);
    const known = tasks.has(task.id);
    tasks.set(task.id, task);
    redraw(task.id);
    const last = task.reminders[task.reminders.length - 1];
    // one sweep issuing several steps for a task pushes it once per step: one line for them
    const previous = feed.firstChild;
    const merge = previous && previous.dataset && previous.dataset.id === task.id
      && Date.now() - Number(previous.dataset.at) < 10000;
    const isNew = merge ? previous.dataset.isNew === 'true' : !known;
    const line = h('li', { dataset: { id: task.id, at: String(merge ? previous.dataset.at : Date.now()), isNew: String(isNew) } },
      h('time', {}, new Date().toLocaleTimeString('zh-CN', { hour12: false })),
      h('span', { class: 'strong' }, task.responsibleOrganization.name),
      `：逾期 ${task.daysOverdue} 天`,
      last ? `，已发${REMINDER_LEVEL[last.level].label}` : '',
      isNew ? h('span', { class: 'tag red' }, '新增') : '');
    if (merge) {
      feed.replaceChild(line, previous);
    } else {
      feed.insertBefore(line, feed.firstChild);
    }
    while (feed.children.length > 50) {
      feed.removeChild(feed.lastChild);
    }
    recount();
  }

  root.appendChild(h('div', { class: 'kpis' },
    kpi('逾期整改任务', totalValue, { tone: 'red', sub: `${org.name}及全部下级` }),
    kpi('已提级督办（列表中）', escalationValue, { tone: 'orange', sub: `逾期满 ${REMINDER_LEVEL.ESCALATION.from} 天` }),
    kpi('已约谈（列表中）', summonsValue, { tone: 'red', sub: `逾期满 ${REMINDER_LEVEL.SUMMONS.from} 天` }),
    kpi('本页收到的实时推送', receivedValue, { sub: '督办步骤一经发出即推送，无需刷新' })));
  root.appendChild(h('div', { class: 'overdue-layout' },
    panel('逾期整改任务（逾期天数最多的在前）', tableHolder, { extra: '前 20 项；实时推送的任务随到随插入' }),
    panel('实时推送记录', feed, { extra: 'rectificationOverdue' })));
  feed.appendChild(h('li', { class: 'muted placeholder' }, '等待督办推送…'));

  await load();
  if (!ctx.isCurrent()) {
    return null;
  }
  const unsubscribe = ctx.live.subscribe(Q.liveOverdueRows, { under: org.id }, {
    next: (data) => {
      if (disposed || !data.rectificationOverdue) return;
      const placeholder = feed.querySelector('.placeholder');
      if (placeholder) placeholder.remove();
      arrived(data.rectificationOverdue);
    },
    error: (errors) => {
      if (disposed) return;
      const message = Array.isArray(errors) && errors.length ? errors[0].message : '订阅失败';
      feed.insertBefore(h('li', { class: 'danger' }, `实时推送出错：${message}`), feed.firstChild);
    },
    resumed: () => {
      // events may have been missed while disconnected
      load().catch((e) => { clear(tableHolder).appendChild(errorState(e, () => load())); });
    },
  });
  ctx.ready();
  return () => {
    disposed = true;
    clearTimeout(countTimer);
    unsubscribe();
  };
}
