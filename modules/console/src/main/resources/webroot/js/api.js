// The one API client of the console: JSON in and out, same-origin cookies, one error shape. A 401 tells the page
// the session ended (event "cd:signed-out"), without a reload, so text being typed stays on the page.
export class ApiError extends Error {
  constructor(status, message, details) { super(message); this.status = status; this.details = details || {}; }
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  if (response.status === 204) return null;
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) {
    const message = data && data.error ? data.error.message : 'HTTP ' + response.status;
    if (response.status === 401 && path !== '/api/session') {
      document.dispatchEvent(new CustomEvent('cd:signed-out', { detail: message }));
    }
    throw new ApiError(response.status, message, data && data.error);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
