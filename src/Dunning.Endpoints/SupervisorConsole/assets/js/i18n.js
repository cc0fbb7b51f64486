// Chinese and English: chosen by the browser's language, switchable, remembered for the browser session.
import enUS from './strings/en-US.js';
import zhCN from './strings/zh-CN.js';

const catalogs = { 'en-US': enUS, 'zh-CN': zhCN };
const storageKey = 'dunning.language';
let current = 'en-US';

export const languages = [
  { code: 'en-US', name: 'English' },
  { code: 'zh-CN', name: '中文' },
];

export function initLanguage() {
  const remembered = sessionStorage.getItem(storageKey);
  const fromBrowser = (navigator.languages ?? [navigator.language]).some(l => l?.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en-US';
  apply(catalogs[remembered] ? remembered : fromBrowser);
}

export function setLanguage(code) {
  if (!catalogs[code]) return;
  sessionStorage.setItem(storageKey, code);
  apply(code);
}

export function language() {
  return current;
}

/** The string for key in the current language (English when missing), with {name} filled from vars. */
export function t(key, vars = {}) {
  const template = catalogs[current][key] ?? enUS[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? `{${name}}`).toString());
}

/** A count with its plural form: key.one or key.other by the language's plural rules, {count} filled in. */
export function tn(key, count) {
  const form = new Intl.PluralRules(current).select(count);
  const chosen = catalogs[current][`${key}.${form}`] !== undefined || enUS[`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { count });
}

/** A label for an enum-like value (status.Active, stage.first-overdue), or the value itself when unknown. */
export function label(group, value) {
  if (value === null || value === undefined) return '';
  const key = `${group}.${value}`;
  return catalogs[current][key] ?? enUS[key] ?? String(value);
}

function apply(code) {
  current = code;
  document.documentElement.lang = code;
  document.title = t('app.title');
}
