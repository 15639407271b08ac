// The dashboard's frame: sign-in, the header (organization, year, live state, account),
// the tabs, and the hash route #/<screen>?org=<id>&year=<year>&cadre=<code> that says
// what is shown, so that a wall screen can be bookmarked.

import { gql, session, signIn, signOut, whenUnauthorized, describeError } from './api.js';
import { LiveClient } from './live.js';
import * as Q from './queries.js';
import { h, clear, loading, errorState } from './ui.js';
import { ROLE } from './labels.js';
import * as overview from './screens/overview.js';
import * as overdue from './screens/overdue.js';
import * as supervision from './screens/supervision.js';
import * as coverage from './screens/coverage.js';
import * as reports from './screens/reports.js';

const SCREENS = [
  { key: 'overview', title: '综合态势', module: overview },
  { key: 'overdue', title: '逾期督办', module: overdue },
  { key: 'supervision', title: '监督关系', module: supervision },
  { key: 'coverage', title: '谈话覆盖', module: coverage },
  { key: 'reports', title: '政治生态报告', module: reports },
];

const state = {
  me: null,
  roots: [],
  home: null,
  context: null,
  live: null,
  cleanup: null,
  renderCount: 0,
};

const $ = (id) => document.getElementById(id);

const REFRESH_MS = 5 * 60 * 1000;

function defaultYear() {
  // the annual reports are computed every 15 January for the year before
  return new Date().getFullYear() - 1;
}

export function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const screen = SCREENS.some((s) => s.key === path) ? path : 'overview';
  const year = Number.parseInt(params.get('year'), 10);
  return {
    screen,
    org: params.get('org') || null,
    year: Number.isFinite(year) ? year : defaultYear(),
    cadre: params.get('cadre') || null,
  };
}

/** Changes the route; unchanged keys are kept, null removes one. */
export function navigate(changes) {
  const route = { ...parseRoute(), ...changes };
  const params = new URLSearchParams();
  if (route.org) params.set('org', route.org);
  if (route.year) params.set('year', String(route.year));
  if (route.cadre) params.set('cadre', route.cadre);
  const target = `#/${route.screen}?${params.toString()}`;
  if (location.hash !== target) {
    location.hash = target;
  } else {
    render();
  }
}

// ---------------------------------------------------------------- sign-in

function showSignIn(message) {
  teardown();
  $('shell').hidden = true;
  $('signin').hidden = false;
  const error = $('signin-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('signin-password').value = '';
  const username = $('signin-username');
  (username.value ? $('signin-password') : username).focus();
}

function teardown() {
  if (state.cleanup) {
    state.cleanup();
    state.cleanup = null;
  }
  if (state.live) {
    state.live.close();
    state.live = null;
  }
  state.me = null;
  state.context = null;
}

async function submitSignIn(event) {
  event.preventDefault();
  const username = $('signin-username').value.trim();
  const password = $('signin-password').value;
  const button = $('signin-submit');
  const error = $('signin-error');
  if (!username || !password) {
    error.textContent = '请输入用户名和密码';
    error.hidden = false;
    return;
  }
  button.disabled = true;
  button.textContent = '登录中…';
  error.hidden = true;
  try {
    await signIn(username, password);
    await start();
  } catch (e) {
    error.textContent = describeError(e);
    error.hidden = false;
  } finally {
    button.disabled = false;
    button.textContent = '登录';
  }
}

// ---------------------------------------------------------------- the frame

async function start() {
  $('signin').hidden = true;
  $('shell').hidden = false;
  const screen = $('screen');
  clear(screen).appendChild(loading('正在读取账号信息…'));
  try {
    const data = await gql(Q.startingPoint);
    state.me = data.me;
    state.roots = data.provinces.edges.map((e) => e.node).filter((o) => o.depth === 0);
    state.home = data.me.scope || state.roots[0] || null;
  } catch (e) {
    if (!session()) {
      return;
    }
    clear(screen).appendChild(errorState(e, () => start()));
    return;
  }
  $('account-name').textContent = state.me.username;
  $('account-roles').textContent = state.me.roles.map((r) => ROLE[r] || r).join('、');
  $('account-scope').textContent = state.me.scope ? `管辖范围：${state.me.scope.name}` : '管辖范围：全部';
  state.live = new LiveClient(() => (session() ? session().token : null), {
    onState: showLiveState,
    onUnauthorized: () => { signOut(); showSignIn('登录已过期，请重新登录'); },
  });
  render();
}

function showLiveState(liveState, detail) {
  const badge = $('live-state');
  const text = {
    idle: '实时推送待命',
    connecting: '实时推送连接中…',
    live: '实时推送已连接',
    reconnecting: detail || '实时推送重连中…',
    closed: detail || '实时推送已断开',
  }[liveState] || liveState;
  badge.textContent = text;
  badge.dataset.state = liveState;
}

function renderTabs(route) {
  const nav = clear($('tabs'));
  for (const screen of SCREENS) {
    const params = new URLSearchParams();
    if (route.org) params.set('org', route.org);
    params.set('year', String(route.year));
    nav.appendChild(h('a', {
      href: `#/${screen.key}?${params.toString()}`,
      class: screen.key === route.screen ? 'tab active' : 'tab',
      dataset: { screen: screen.key },
      'aria-current': screen.key === route.screen ? 'page' : null,
    }, screen.title));
  }
}

function renderYear(route) {
  const select = $('year');
  const now = new Date().getFullYear();
  const years = new Set();
  for (let y = now; y >= now - 6; y--) years.add(y);
  years.add(route.year);
  clear(select);
  for (const y of [...years].sort((a, b) => b - a)) {
    select.appendChild(h('option', { value: y, selected: y === route.year }, `${y}年度`));
  }
}

function renderBreadcrumb(context) {
  const crumbs = clear($('breadcrumb'));
  if (!context) {
    return;
  }
  const scopeId = state.me.scope ? state.me.scope.id : null;
  let ancestors = context.ancestors;
  if (scopeId) {
    const at = ancestors.findIndex((a) => a.id === scopeId);
    ancestors = at >= 0 ? ancestors.slice(at) : [];
  }
  for (const ancestor of ancestors) {
    crumbs.appendChild(h('a', { href: '#', class: 'crumb', onclick: (e) => { e.preventDefault(); navigate({ org: ancestor.id, cadre: null }); } }, ancestor.name));
    crumbs.appendChild(h('span', { class: 'crumb-sep' }, '›'));
  }
  crumbs.appendChild(h('span', { class: 'crumb current', id: 'current-org', dataset: { code: context.code } }, context.name));
}

let searchTimer = null;

function organizationSearch() {
  const input = $('org-search');
  const results = $('org-results');
  input.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = input.value.trim();
    if (!text) {
      results.hidden = true;
      return;
    }
    searchTimer = setTimeout(async () => {
      try {
        const data = await gql(Q.findOrganization, { text });
        const found = data.searchOrganizations.edges.map((e) => e.node);
        clear(results);
        if (!found.length) {
          results.appendChild(h('li', { class: 'muted' }, '未找到匹配的组织'));
        }
        for (const org of found) {
          results.appendChild(h('li', {},
            h('a', { href: '#', onclick: (e) => { e.preventDefault(); results.hidden = true; input.value = ''; navigate({ org: org.id, cadre: null }); } },
              org.name, h('small', {}, ` ${org.code}`))));
        }
        results.hidden = false;
      } catch (e) {
        clear(results).appendChild(h('li', { class: 'muted' }, describeError(e)));
        results.hidden = false;
      }
    }, 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      results.hidden = true;
    }
  });
  document.addEventListener('click', (e) => {
    if (!results.contains(e.target) && e.target !== input) {
      results.hidden = true;
    }
  });
}

async function render() {
  if (!state.me) {
    return;
  }
  const route = parseRoute();
  if (!route.org && state.home) {
    navigate({ org: state.home.id });
    return;
  }
  const count = ++state.renderCount;
  renderTabs(route);
  renderYear(route);
  if (state.cleanup) {
    state.cleanup();
    state.cleanup = null;
  }
  const screen = clear($('screen'));
  const definition = SCREENS.find((s) => s.key === route.screen);
  document.title = `${definition.title} · 一把手监督驾驶舱`;
  screen.dataset.screen = route.screen;
  screen.dataset.ready = 'false';
  if (!route.org) {
    screen.appendChild(errorState(new Error('没有可查看的组织：当前账号的管辖范围内没有组织')));
    return;
  }
  screen.appendChild(loading());
  if (!state.context || state.context.id !== route.org) {
    try {
      const data = await gql(Q.organizationContext, { id: route.org });
      if (count !== state.renderCount) return;
      if (!data.organization) {
        clear(screen).appendChild(errorState(new Error('该组织不存在或不在当前账号的管辖范围内'),
          state.home ? () => navigate({ org: state.home.id }) : null));
        return;
      }
      state.context = data.organization;
    } catch (e) {
      if (count !== state.renderCount) return;
      clear(screen).appendChild(errorState(e, () => render()));
      return;
    }
  }
  renderBreadcrumb(state.context);
  const context = {
    route,
    org: state.context,
    me: state.me,
    live: state.live,
    navigate,
    isCurrent: () => count === state.renderCount,
    ready: () => {
      if (count === state.renderCount) {
        screen.dataset.ready = 'true';
      }
    },
  };
  clear(screen);
  try {
    const cleanup = await definition.module.render(screen, context);
    if (count !== state.renderCount) {
      if (cleanup) cleanup();
      return;
    }
    state.cleanup = cleanup || null;
  } catch (e) {
    if (count !== state.renderCount) return;
    clear(screen).appendChild(errorState(e, () => render()));
  }
}

function init() {
  $('signin-form').addEventListener('submit', submitSignIn);
  $('sign-out').addEventListener('click', () => {
    signOut();
    showSignIn();
  });
  $('year').addEventListener('change', (e) => navigate({ year: Number(e.target.value) }));
  $('home').addEventListener('click', (e) => {
    e.preventDefault();
    if (state.home) navigate({ org: state.home.id, cadre: null });
  });
  organizationSearch();
  whenUnauthorized((message) => showSignIn(message || '请先登录'));
  window.addEventListener('hashchange', () => render());
  setInterval(() => { $('clock').textContent = new Date().toLocaleString('zh-CN', { hour12: false }); }, 1000);
  // a wall screen stays current: the screens without a live feed are read again every few minutes
  setInterval(() => {
    if (state.me && parseRoute().screen !== 'overdue' && document.visibilityState === 'visible'
        && $('org-results').hidden) {
      render();
    }
  }, REFRESH_MS);
  if (session()) {
    start();
  } else {
    showSignIn();
  }
}

init();
