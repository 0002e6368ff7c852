// How the workspace's own catalogues translate (its pages and the planning pages add no key to the
// shared catalogues): on the language the shared i18n picked, French for a missing key.
import { lang, pluralOf } from '../i18n/index.js';

/**
 * A translate function over `{ fr, en }`: the message for `key`, `{name}` placeholders from `params`,
 * and `{name|singular|plural}` chosen by Intl.PluralRules on the number `params.name` (as `t` does).
 */
export function translator({ fr, en }) {
  const messages = lang === 'en' ? en : fr;
  return (key, params = {}) => {
    const text = messages[key] ?? fr[key] ?? key;
    return text
      .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name, one, other) =>
        name in params ? (pluralOf(Number(params[name])) === 'one' ? one : other) : whole)
      .replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  };
}
