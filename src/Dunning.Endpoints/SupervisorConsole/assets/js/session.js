// Who is signed in: an API key or an Entra ID access token, kept in sessionStorage (this tab only, gone when it
// closes), and what GET /api/me said about them.
const keyItem = 'dunning.apiKey';
const tokenItem = 'dunning.accessToken';
const meItem = 'dunning.me';

export function credentials() {
  const key = sessionStorage.getItem(keyItem);
  if (key) return { 'X-Api-Key': key };
  const token = sessionStorage.getItem(tokenItem);
  return token ? { Authorization: `Bearer ${token}` } : null;
}

export function signedIn() {
  return credentials() !== null && me() !== null;
}

export function me() {
  const text = sessionStorage.getItem(meItem);
  return text ? JSON.parse(text) : null;
}

export function hasRole(role) {
  return me()?.roles?.includes(role) ?? false;
}

/** Supervisors get the action buttons; viewers and operators see the same pages without them. */
export function canAct() {
  return hasRole('supervisor');
}

export function rememberKey(key) {
  sessionStorage.removeItem(tokenItem);
  sessionStorage.setItem(keyItem, key);
}

export function rememberToken(token) {
  sessionStorage.removeItem(keyItem);
  sessionStorage.setItem(tokenItem, token);
}

export function rememberMe(value) {
  sessionStorage.setItem(meItem, JSON.stringify(value));
}

export function signOut() {
  for (const item of [keyItem, tokenItem, meItem]) sessionStorage.removeItem(item);
}
