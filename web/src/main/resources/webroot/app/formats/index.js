// Registry of the animation formats this front end can show. To add a format, add its module
// (exporting custom elements for the phone, the projector, the console and the synthesis) and one
// line here; the pages pick components by view.session.format.
const FORMATS = {
  poll: {
    load: () => import('./poll.js'),
    phone: 'poll-phone',
    screen: 'poll-screen',
    console: 'poll-console',
    synthesis: 'poll-synthesis',
  },
  cards: { load: () => import('./cards.js'), phone: 'cards-phone', screen: 'cards-screen', console: 'cards-console', synthesis: 'cards-synthesis' },
  quiz: { load: () => import('./quiz.js'), phone: 'quiz-phone', screen: 'quiz-screen', console: 'quiz-console', synthesis: 'quiz-synthesis' },
  hackathon: { load: () => import('./hackathon.js'), phone: 'hackathon-phone', screen: 'hackathon-screen', console: 'hackathon-console', synthesis: 'hackathon-synthesis' },
  prioritisation: { load: () => import('./prioritisation.js'), phone: 'prioritisation-phone', screen: 'prioritisation-screen', console: 'prioritisation-console', synthesis: 'prioritisation-synthesis' },
};

const loaded = new Map();

/** The format's entry once its module is loaded, or null when this front end does not know it. */
export function loadFormat(id) {
  const entry = FORMATS[id];
  if (!entry) return Promise.resolve(null);
  if (!loaded.has(id)) {
    loaded.set(id, entry.load().then(() => entry, (error) => {
      loaded.delete(id);
      throw error;
    }));
  }
  return loaded.get(id);
}

export function knownFormats() {
  return Object.keys(FORMATS);
}
