// The animation formats this front end can show. A format is a folder, formats/<id>/, holding one
// module per role (phone.js, projector.js, console.js, synthesis.js, each defining the element
// <id>-phone, <id>-screen, <id>-console, <id>-synthesis), its styles.css and its messages
// (i18n.fr.js, i18n.en.js). Adding a format is its folder plus one line here; see
// docs/FORMAT-GUIDE.md.
import { loadStyles } from '../styles.js';
import { loadMessages } from '../i18n/index.js';

const FORMATS = new Set([
  'poll',
  'cards',
  'quiz',
  'hackathon',
  'prioritisation',
]);

/** The module of each audience format-slot knows ("screen" is the projector). */
const ROLES = { phone: 'phone.js', screen: 'projector.js', console: 'console.js', synthesis: 'synthesis.js' };

const assets = new Map();
const roles = new Map();

/** The format's messages and styles, loaded once; its modules may call t() from their first line. */
export function loadFormatAssets(id) {
  if (!assets.has(id)) {
    const loading = Promise.all([
      loadMessages((lang) => import(`./${id}/i18n.${lang}.js`)),
      loadStyles(new URL(`./${id}/styles.css`, import.meta.url).pathname),
    ]).catch((error) => {
      assets.delete(id);
      throw error;
    });
    assets.set(id, loading);
  }
  return assets.get(id);
}

/**
 * The tag of the format's element for this audience once its module is loaded; null when this front
 * end does not know the format or the format has no such role.
 */
export async function loadFormat(id, audience) {
  const file = ROLES[audience];
  if (!FORMATS.has(id) || !file) return null;
  const key = `${id}/${audience}`;
  if (!roles.has(key)) {
    roles.set(
      key,
      loadFormatAssets(id)
        .then(() => import(`./${id}/${file}`))
        .then(() => `${id}-${audience}`)
        .catch((error) => {
          roles.delete(key);
          throw error;
        }),
    );
  }
  return roles.get(key);
}

export function knownFormats() {
  return [...FORMATS];
}
