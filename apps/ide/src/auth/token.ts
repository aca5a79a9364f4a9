const KEY = 'whenthen.token';

/**
 * Takes `token=…` out of the URL hash (the server prints `http://127.0.0.1:4310/#token=XYZ`),
 * remembers it in session and local storage and returns the hash without it, so the hash is free
 * for routing and the token does not linger in the address bar.
 */
export function captureTokenFromHash(hash: string): { token: string | null; rest: string } {
  const body = hash.replace(/^#/, '');
  const [path = '', query = ''] = body.includes('?')
    ? splitOnce(body, '?')
    : body.startsWith('token=')
      ? ['', body]
      : [body, ''];
  const params = new URLSearchParams(query);
  const token = params.get('token');
  if (!token) return { token: null, rest: hash };
  params.delete('token');
  const remaining = params.toString();
  return { token, rest: `#${path || '/'}${remaining ? `?${remaining}` : ''}` };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

function safeStorage(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  safeStorage('sessionStorage')?.setItem(KEY, token);
  safeStorage('localStorage')?.setItem(KEY, token);
}

export function getToken(): string | null {
  return (
    safeStorage('sessionStorage')?.getItem(KEY) ?? safeStorage('localStorage')?.getItem(KEY) ?? null
  );
}

export function clearToken(): void {
  safeStorage('sessionStorage')?.removeItem(KEY);
  safeStorage('localStorage')?.removeItem(KEY);
}
