// The projector's moments (issue 15): what deserves a sound (a reveal, the podium, a countdown that
// ends) read from two successive views, and the lobby's greetings of each arrival, batched so that
// 200 people joining at once make a few greetings, not 200.
import { t, tn } from '../i18n/index.js';

const GREETING_MS = 2600;
const NAMES_IN_A_GREETING = 3;

/** What became revealed between two views: a list of 'reveal' and 'podium' (the formats' own fields). */
export function moments(prev, next) {
  const a = prev?.activity ?? {};
  const b = next?.activity ?? {};
  if (!prev || prev.session?.phase !== 'ACTIVITY' || next?.session?.phase !== 'ACTIVITY') return [];
  const out = [];
  const changed = (f) => {
    const x = f(a);
    const y = f(b);
    return y !== undefined && y !== null && y !== false && x !== y;
  };
  // Poll and quiz: a question revealed; Dessine-moi: the ranking; cards: the debrief.
  if (changed((v) => (v.question?.status === 'REVEALED' ? v.question.id : null))) out.push('reveal');
  if (changed((v) => (v.live?.status === 'REVEALED' ? v.live.question?.id : null))) out.push('reveal');
  if (changed((v) => v.revealed === true)) out.push('reveal');
  if (changed((v) => (v.round?.stage === 'DEBRIEF' ? v.round.number : null))) out.push('reveal');
  // The podiums: the quiz's end, the hackathon's prizes.
  if (changed((v) => v.stage === 'FINISHED')) out.push('podium');
  if (changed((v) => v.stage === 'RESULTS' && Boolean(v.results))) out.push('podium');
  return [...new Set(out)];
}

/** The nearest deadline still ahead anywhere in the view's activity (epoch ms), or null. */
export function nextDeadline(view, now = Date.now()) {
  let best = null;
  const walk = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'deadline' && typeof value === 'number' && value > now && (best === null || value < best)) best = value;
      else if (typeof value === 'object') walk(value, depth + 1);
    }
  };
  walk(view?.activity, 0);
  return best;
}

/**
 * Greets each arrival on the projector: "Bienvenue Camille !", then the next ones, a few names at a
 * time. People present when the page opened are not greeted. `onChange(text)` receives each greeting
 * (or '' when there is nobody left to greet).
 */
export class Greeter {
  constructor(onChange) {
    this._onChange = onChange;
    this._seen = null;
    this._queue = [];
    this._timer = null;
    this.text = '';
  }

  /** Takes the current participants ({id, nickname}); the new ones join the queue. */
  feed(people) {
    if (this._seen === null) {
      this._seen = new Set(people.map((p) => p.id));
      return;
    }
    for (const p of people) {
      if (!this._seen.has(p.id)) {
        this._seen.add(p.id);
        this._queue.push(p.nickname);
      }
    }
    if (!this._timer && this._queue.length) this._next();
  }

  _next() {
    if (!this._queue.length) {
      this._timer = null;
      this._set('');
      return;
    }
    // Everyone waiting goes in this greeting: a few names, then how many others.
    const names = this._queue.splice(0, this._queue.length);
    let text;
    if (names.length === 1) text = t('screen.welcome.one', { name: names[0] });
    else if (names.length <= NAMES_IN_A_GREETING) {
      text = t('screen.welcome.few', { names: names.slice(0, -1).join(', '), last: names[names.length - 1] });
    } else {
      text = tn('screen.welcome.many', names.length - 2, { names: names.slice(0, 2).join(', ') });
    }
    this._set(text);
    this._timer = setTimeout(() => this._next(), GREETING_MS);
  }

  _set(text) {
    this.text = text;
    this._onChange(text);
  }

  stop() {
    clearTimeout(this._timer);
  }
}
