// How the workspace's own catalogues translate (its pages and the planning pages add no key to the
// shared catalogues): on the language the shared i18n picked, French for a missing key.
import { lang } from '../i18n/index.js';

/** A translate function over `{ fr, en }`: the message for `key`, `{name}` placeholders from `params`. */
export function translator({ fr, en }) {
  const messages = lang === 'en' ? en : fr;
  return (key, params = {}) => {
    const text = messages[key] ?? fr[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  };
}
