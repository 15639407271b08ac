// Signing in and GraphQL over HTTP. The token lives in sessionStorage: it lasts as long as
// the browser tab and is never shared with other tabs or kept on disk after the tab closes.

const TOKEN_KEY = 'oversight.token';

/** An error the dashboard can show: a message in Chinese and, when known, its kind. */
export class ApiError extends Error {
  constructor(message, { classification = null, status = null, details = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.classification = classification;
    this.status = status;
    this.details = details;
  }
}

const CLASSIFICATION_TEXT = {
  BAD_REQUEST: '请求参数有误',
  NOT_FOUND: '未找到或不在管辖范围内',
  FORBIDDEN: '无权进行此操作',
  CONFLICT: '与现有数据冲突',
  UNAUTHORIZED: '登录已失效',
  INTERNAL_ERROR: '服务器内部错误',
};

export function describeError(error) {
  if (error instanceof ApiError) {
    const kind = error.classification ? CLASSIFICATION_TEXT[error.classification] : null;
    return kind ? `${kind}：${error.message}` : error.message;
  }
  return `无法连接服务器：${error && error.message ? error.message : error}`;
}

/** The stored sign-in of this tab, or null. */
export function session() {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return `Basic ${btoa(binary)}`;
}

/** POST /auth/token with HTTP Basic; keeps the bearer token for this tab. */
export async function signIn(username, password) {
  let response;
  try {
    response = await fetch('/auth/token', {
      method: 'POST',
      headers: { Authorization: basic(username, password), Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError('无法连接服务器，请检查网络后重试');
  }
  if (response.status === 401) {
    throw new ApiError('用户名或密码错误，或账号已停用、已锁定', { status: 401 });
  }
  if (!response.ok) {
    throw new ApiError(`登录失败（HTTP ${response.status}）`, { status: response.status });
  }
  const body = await response.json();
  const stored = { token: body.token, expiresAt: body.expiresAt, username };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
  return stored;
}

let onUnauthorized = () => {};

/** Called when the server refuses the token (expired, account disabled): back to sign-in. */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** Runs one query with the bearer token; resolves to its data, rejects with an ApiError. */
export async function gql(document, variables = {}, { signal } = {}) {
  const current = session();
  if (!current) {
    onUnauthorized();
    throw new ApiError('尚未登录', { classification: 'UNAUTHORIZED', status: 401 });
  }
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${current.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: document, variables }),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError('无法连接服务器，请检查网络后重试');
  }
  if (response.status === 401) {
    signOut();
    onUnauthorized('登录已过期或账号已停用，请重新登录');
    throw new ApiError('登录已过期，请重新登录', { classification: 'UNAUTHORIZED', status: 401 });
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`服务器返回了无法识别的应答（HTTP ${response.status}）`, { status: response.status });
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const classification = first.extensions && first.extensions.classification;
    throw new ApiError(first.message, { classification, status: response.status, details: body.errors });
  }
  if (!response.ok) {
    throw new ApiError(`请求失败（HTTP ${response.status}）`, { status: response.status });
  }
  return body.data;
}
