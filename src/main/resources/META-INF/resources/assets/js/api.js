// HTTP calls to the Nectar API with a bearer credential; errors come back as ApiError with the contract's code.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Plain-language Chinese for the errors a person may meet; the server's English message otherwise. */
const MESSAGES = {
  UNAUTHORIZED: '凭证无效或已过期,请重新登录',
  FORBIDDEN: '该凭证不属于这个商户',
  NOT_FOUND: '未找到',
  TOO_LARGE: '文件太大',
  UNSUPPORTED_TYPE: '不支持的文件类型',
  CORRUPT_IMAGE: '图片已损坏,无法读取',
  RATE_LIMITED: '操作太频繁,请稍后再试',
  SUGGESTION_DECIDED: '这条建议已经处理过了',
  KNOWLEDGE_UNAVAILABLE: '知识库暂时不可用,请稍后再试',
};

export function describe(error) {
  if (error instanceof ApiError) return MESSAGES[error.code] || error.message;
  return '网络异常,请检查连接后重试';
}

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const e = body?.error || {};
    throw new ApiError(response.status, e.code || `HTTP_${response.status}`, e.message, e.field);
  }
  return body;
}

/**
 * api(token, 'GET', '/api/...') or api(token, 'POST', path, jsonBody | FormData).
 * Returns the parsed JSON (null for 204).
 */
export async function api(token, method, path, body) {
  const headers = {};
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return parse(await fetch(path, { method, headers, body: payload }));
}

/** A binary resource (an evidence photo) as an object URL for <img>, since images cannot send a bearer header. */
export async function blobUrl(token, path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
  if (!response.ok) await parse(response);
  return URL.createObjectURL(await response.blob());
}

/** A multipart upload with progress callbacks (fetch cannot report upload progress). */
export function upload(token, path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else {
        const e = body?.error || {};
        reject(new ApiError(xhr.status, e.code || `HTTP_${xhr.status}`, e.message, e.field));
      }
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}
