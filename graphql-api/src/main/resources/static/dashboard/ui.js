// Small DOM helpers, the loading / error / empty states every panel uses, and ECharts
// instances that follow their element's size and go away with their screen.

import * as echarts from '/webjars/echarts/5.5.0/echarts.esm.min.js';

import { describeError } from './api.js';
import { GRADE } from './labels.js';

export const FONT = "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** h('div', { class: 'x', dataset: { code: 'P01' }, onclick }, 'text', child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(element.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

export function loading(text = '加载中…') {
  return h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner' }), text);
}

export function empty(text = '暂无数据') {
  return h('div', { class: 'state state-empty' }, text);
}

export function errorState(error, retry) {
  return h('div', { class: 'state state-error', role: 'alert' },
    h('div', { class: 'state-title' }, '数据加载失败'),
    h('div', { class: 'state-message' }, describeError(error)),
    retry ? h('button', { class: 'button', type: 'button', onclick: retry }, '重试') : null);
}

/** A panel: a title bar with optional extra, and a body. */
export function panel(title, body, { extra = null, id = null, className = '' } = {}) {
  return h('section', { class: `panel ${className}`, id },
    h('header', { class: 'panel-head' }, h('h2', {}, title), extra ? h('div', { class: 'panel-extra' }, extra) : null),
    h('div', { class: 'panel-body' }, body));
}

export function kpi(label, value, { sub = null, test = null, tone = null } = {}) {
  return h('div', { class: `kpi ${tone ? `tone-${tone}` : ''}` },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value', dataset: test ? { test } : undefined }, value),
    sub ? h('div', { class: 'kpi-sub' }, sub) : null);
}

export function gradeChip(grade, score) {
  if (!grade) {
    return h('span', { class: 'grade grade-none', title: '该年度尚无报告' }, '无报告');
  }
  const g = GRADE[grade];
  return h('span', { class: `grade grade-${grade.toLowerCase()}`, dataset: { grade }, title: `${g.label}（${g.meaning}）` },
    g.label, score !== undefined && score !== null ? h('b', {}, formatScore(score)) : null);
}

export function formatScore(score) {
  return score === null || score === undefined ? '—' : Number(score).toFixed(1);
}

export function percent(part, whole) {
  if (!whole) {
    return '—';
  }
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A table; rows are arrays of cells (strings or nodes); opts.rowAttributes(row, i). */
export function table(headers, rows, { emptyText = '暂无数据', rowAttributes = null, className = '' } = {}) {
  if (!rows.length) {
    return empty(emptyText);
  }
  return h('table', { class: `grid ${className}` },
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', {}, header)))),
    h('tbody', {}, rows.map((row, i) => h('tr', rowAttributes ? rowAttributes(row, i) : {},
      row.cells.map((cell) => (cell instanceof Node && cell.tagName === 'TD' ? cell : h('td', {}, cell)))))));
}

/** Keeps the charts of the current screen, resizes them with their element, disposes them. */
export class Charts {
  constructor() {
    this.instances = [];
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const instance = echarts.getInstanceByDom(entry.target);
        if (instance) {
          instance.resize();
        }
      }
    });
  }

  /** Draws option into element, or an empty state when isEmpty. */
  draw(element, option, { isEmpty = false, emptyText = '暂无数据' } = {}) {
    const existing = echarts.getInstanceByDom(element);
    if (isEmpty) {
      if (existing) {
        existing.dispose();
      }
      clear(element).appendChild(empty(emptyText));
      return null;
    }
    const instance = existing || echarts.init(element, null, { renderer: element.dataset.renderer || 'canvas' });
    if (!existing) {
      this.instances.push(instance);
      this.observer.observe(element);
    }
    instance.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, true);
    return instance;
  }

  disposeAll() {
    this.observer.disconnect();
    for (const instance of this.instances) {
      if (!instance.isDisposed()) {
        instance.dispose();
      }
    }
    this.instances = [];
  }
}

export const AXIS = {
  axisLine: { lineStyle: { color: '#3a5580' } },
  axisLabel: { color: '#b8c7e0' },
  splitLine: { lineStyle: { color: 'rgba(90,120,170,0.18)' } },
};

export const LEGEND = { textStyle: { color: '#c9d6ea' }, top: 0, type: 'scroll', pageTextStyle: { color: '#c9d6ea' } };

export const TOOLTIP = {
  backgroundColor: 'rgba(12,28,56,0.95)',
  borderColor: '#2f4d7c',
  textStyle: { color: '#e6eefb' },
};

export { echarts };
