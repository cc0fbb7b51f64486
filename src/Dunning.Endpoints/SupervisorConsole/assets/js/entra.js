// Microsoft Entra ID sign-in for a single-page app: authorization code with PKCE, by redirect, with no library.
// Shown only when /console/config.json names an authority and client id (see ConsoleSettings.cs).
const pendingItem = 'dunning.entraPending';

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length) {
  return base64Url(crypto.getRandomValues(new Uint8Array(length))).slice(0, length);
}

/** https://login.microsoftonline.com/{tenant}/v2.0 → https://login.microsoftonline.com/{tenant}/oauth2/v2.0/… */
function endpoint(config, name) {
  return `${config.authority.replace(/\/v2\.0$/, '')}/oauth2/v2.0/${name}`;
}

function redirectUri() {
  return `${location.origin}/console/`;
}

export async function startEntraSignIn(config) {
  const verifier = randomText(64);
  const state = randomText(24);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(pendingItem, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: redirectUri(),
    scope: ['openid', ...config.scopes].join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${endpoint(config, 'authorize')}?${query}`);
}

/** On return from Entra (?code=…&state=…): redeems the code for an access token, or null when this is no return. */
export async function completeEntraSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!config || (!params.has('code') && !params.has('error'))) return null;
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  const pending = JSON.parse(sessionStorage.getItem(pendingItem) ?? 'null');
  sessionStorage.removeItem(pendingItem);
  if (params.has('error')) throw new Error(params.get('error_description') ?? params.get('error'));
  if (!pending || pending.state !== params.get('state')) throw new Error('state mismatch');
  const response = await fetch(endpoint(config, 'token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: config.clientId,
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
      scope: ['openid', ...config.scopes].join(' '),
    }),
  });
  const body = await response.json();
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? body.error ?? `HTTP ${response.status}`);
  return body.access_token;
}
