// Picks the UI catalogue: ?lang=xx (remembered), else French, the product's language: a room of
// French counsellors must not get English screens because a laptop's browser is set to English.
// These catalogues hold the shared keys; each format brings its own (formats/<id>/i18n.xx.js),
// merged by loadMessages when the format is loaded.
import fr from './fr.js';
import en from './en.js';

const catalogues = { fr, en };

const LANG_KEY = 'atelier.lang';

/** ?lang=xx (remembered for the next pages), else the remembered choice, else French. */
function pickLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang')?.toLowerCase();
  if (fromUrl && catalogues[fromUrl]) {
    try {
      localStorage.setItem(LANG_KEY, fromUrl);
    } catch {
      /* storage disabled */
    }
    return fromUrl;
  }
  let remembered = null;
  try {
    remembered = localStorage.getItem(LANG_KEY);
  } catch {
    /* storage disabled */
  }
  if (remembered && catalogues[remembered]) return remembered;
  return 'fr';
}

export const lang = pickLanguage();
const messages = catalogues[lang];
const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
document.documentElement.lang = lang;

/**
 * Merges a module's messages: `load(lang)` imports its catalogue for a language (a module whose
 * default export maps keys to texts). French is loaded too, as the fallback of a missing key.
 */
export async function loadMessages(load) {
  const [own, french] = await Promise.all([load(lang), lang === 'fr' ? null : load('fr')]);
  Object.assign(messages, own.default);
  if (french) Object.assign(fr, french.default);
}

/** The message for `key`, with `{name}` placeholders replaced by `params.name`. */
export function t(key, params = {}) {
  let text = messages[key] ?? fr[key];
  if (text === undefined) {
    console.warn('i18n: missing key', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Plural-aware message: uses `key.one` when n is 0 or 1 in French (1 in English), else `key.other`. */
export function tn(key, n, params = {}) {
  const one = lang === 'fr' ? n < 2 : n === 1;
  return t(`${key}.${one ? 'one' : 'other'}`, { n: formatNumber(n), ...params });
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

export function formatDuration(ms) {
  if (!(ms >= 0)) return '—';
  const minutes = Math.round(ms / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('duration.hm', { h, m: String(m).padStart(2, '0') }) : t('duration.m', { m });
}
