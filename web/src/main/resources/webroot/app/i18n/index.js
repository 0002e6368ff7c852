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

const plurals = new Intl.PluralRules(locale);

/** The language's plural category of `n` as our catalogues know it: 'one' or 'other' (French: 0, 1 and 1,5 are singular). */
export function pluralOf(n) {
  return plurals.select(n) === 'one' ? 'one' : 'other';
}

/** A number back from a parameter, which may already be formatted ("1 234", "1,5"). */
function numberOf(value) {
  if (typeof value === 'number') return value;
  const n = Number(String(value).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}

/**
 * The message for `key`, with `{name}` placeholders replaced by `params.name`, and plural choices
 * `{name|singular|plural}` (Intl.PluralRules on the number `params.name`), so that a catalogue never
 * needs "question(s)": `'{n} {n|votant|votants} sur {total}'`.
 */
export function t(key, params = {}) {
  let text = messages[key] ?? fr[key];
  if (text === undefined) {
    console.warn('i18n: missing key', key);
    return key;
  }
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name, one, other) => {
      if (!(name in params)) return whole;
      const n = numberOf(params[name]);
      return Number.isNaN(n) ? other : pluralOf(n) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Plural-aware message: `key.one` or `key.other` by Intl.PluralRules (French: 0 and 1 take the singular). */
export function tn(key, n, params = {}) {
  return t(`${key}.${pluralOf(n)}`, { n: formatNumber(n), ...params });
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A date and time, in the browser's time zone unless `timeZone` says (the coordination report's: Paris). */
export function formatDateTime(iso, { timeZone } = {}) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
}

export function formatDuration(ms) {
  if (!(ms >= 0)) return '—';
  const minutes = Math.round(ms / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('duration.hm', { h, m: String(m).padStart(2, '0') }) : t('duration.m', { m });
}
