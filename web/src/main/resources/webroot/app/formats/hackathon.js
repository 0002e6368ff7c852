// "Hack ton orientation": teams take a challenge and go through timed phases (understand, imagine,
// build), pitch their project, and are scored by a jury and by the room on a weighted rubric.
// Several phones write in a team's canvases at once: every save names the revision it was written
// from, and when a teammate saved in between, both texts are shown to be merged (nothing is lost).
// The server decides what each view holds: another team's workspace never reaches a phone before
// its pitch, scores never reach a phone or the projector before the prizes.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement } from '../components/light-element.js';
import '../components/count-down.js';
import { t, tn, formatNumber } from '../i18n/index.js';
import { copyText, storage } from '../util.js';

const STAGES = ['TEAMS', 'UNDERSTAND', 'IMAGINE', 'BUILD', 'PITCH', 'VOTE', 'RESULTS'];
const PROBLEM = ['persona', 'situation', 'needs', 'obstacles', 'problem'];
const SOLUTION = ['name', 'pitch', 'target', 'how', 'resources', 'firstStep'];
const FIELD_MAX = { persona: 1000, situation: 1000, needs: 1000, obstacles: 1000, problem: 500, name: 60, pitch: 200, target: 300, how: 1000, resources: 1000, firstStep: 500 };
const TEAM_NAME_MAX = 30;
const IDEA_MAX = 200;
const AUTOSAVE_MS = 1500;
const PRESENCE_REFRESH_MS = 20_000;
const TIMED = ['UNDERSTAND', 'IMAGINE', 'BUILD', 'VOTE'];

const CSS = `
.hk{display:grid;gap:1rem}
.hk-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.hk-stage{font-weight:800;font-size:1.1rem;margin:0}
.hk-timeup{font-weight:800;color:var(--danger,#a4231b);margin:0}
.hk-steps{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:0}
.hk-steps li{padding:.2rem .55rem;border-radius:999px;border:1px solid var(--border,#c5cedc);font-size:.85rem}
.hk-steps li[aria-current="step"]{background:var(--primary,#1d3557);color:#fff;border-color:var(--primary,#1d3557);font-weight:700}
.hk-grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));align-items:start}
.hk-team{border:2px solid var(--border,#c5cedc);border-radius:var(--radius,14px);padding:.8rem 1rem;background:var(--surface,#fff)}
.hk-team--mine{border-color:var(--primary,#1d3557)}
.hk-team--current{border-color:var(--accent,#e9a23b);box-shadow:0 0 0 3px var(--accent-soft,#fdf1dc)}
.hk-team h3,.hk-team h4{margin:0 0 .3rem;overflow-wrap:anywhere}
.hk-members{margin:.2rem 0;color:var(--muted,#4a5568);overflow-wrap:anywhere}
.hk-challenge{border-left:4px solid var(--primary,#1d3557);padding:.4rem .9rem;background:var(--surface,#fff);border-radius:var(--radius-small,8px)}
.hk-challenge h3,.hk-challenge h4{margin:.2rem 0}
.hk-challenge ul{margin:.2rem 0;padding-left:1.2rem}
.hk-field{display:grid;gap:.3rem;margin:.6rem 0}
.hk-field textarea{width:100%;min-height:4.5rem;font:inherit;padding:.5rem;border-radius:var(--radius-small,8px);border:1px solid var(--border,#c5cedc)}
.hk-field--busy textarea{border:2px dashed var(--accent,#e9a23b)}
.hk-presence{font-size:.9rem;color:var(--accent-text,#7a4a00);font-weight:600;margin:0}
.hk-state{font-size:.85rem;color:var(--muted,#4a5568);margin:0;min-height:1.2em}
.hk-conflict{border:2px solid var(--danger,#a4231b);background:var(--danger-soft,#fbe9e7);border-radius:var(--radius-small,8px);padding:.6rem .8rem;display:grid;gap:.4rem}
.hk-conflict blockquote{margin:0;padding:.4rem .6rem;background:#fff;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
.hk-ideas{list-style:none;padding:0;margin:.4rem 0;display:grid;gap:.4rem}
.hk-ideas li{display:flex;gap:.6rem;align-items:center;justify-content:space-between;border:1px solid var(--border,#c5cedc);border-radius:var(--radius-small,8px);padding:.4rem .6rem;overflow-wrap:anywhere}
.hk-dot{min-width:3.2rem;min-height:44px;white-space:nowrap}
.hk-dot[aria-pressed="true"]{background:var(--accent,#e9a23b);border-color:var(--accent,#e9a23b);color:#000}
.hk-score fieldset{border:1px solid var(--border,#c5cedc);border-radius:var(--radius-small,8px);margin:.4rem 0;padding:.4rem .6rem}
.hk-scale{display:flex;gap:.3rem;flex-wrap:wrap}
.hk-scale label{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;border:1px solid var(--border,#c5cedc);border-radius:8px;cursor:pointer;font-weight:700}
.hk-scale input{position:absolute;opacity:0;width:1px;height:1px}
.hk-scale input:checked+span{background:var(--primary,#1d3557);color:#fff;border-radius:6px;padding:.35rem .6rem}
.hk-scale input:focus-visible+span{outline:3px solid var(--accent,#e9a23b)}
.hk-solution dt{font-weight:700;margin-top:.4rem}
.hk-solution dd{margin:0 0 .2rem;white-space:pre-wrap;overflow-wrap:anywhere}
.hk-order{padding-left:1.4rem;margin:.3rem 0}
.hk-order li{margin:.25rem 0}
.hk-order li[aria-current="true"]{font-weight:800}
.hk-prize{border:3px solid var(--accent,#e9a23b);background:var(--accent-soft,#fdf1dc);border-radius:var(--radius,14px);padding:1rem 1.2rem}
.hk-prize h3{margin:0 0 .3rem}
.hk-screen .hk-stage{font-size:clamp(1.6rem,2.6vw,3rem)}
.hk-screen .countdown{font-size:clamp(2rem,4vw,4.5rem)}
.hk-screen .hk-team h3{font-size:clamp(1.2rem,1.8vw,2rem)}
.hk-screen .hk-solution dd{font-size:clamp(1.1rem,1.6vw,1.8rem)}
.hk-screen .hk-prize{font-size:clamp(1.2rem,1.8vw,2rem)}
.hk-screen .hk-pitch-name{font-size:clamp(2rem,3.5vw,4rem);margin:.2rem 0}
.hk-progress{display:grid;grid-template-columns:auto 1fr auto;gap:.2rem .6rem;align-items:center;margin:.4rem 0}
.hk-progress progress{width:100%;height:1rem}
.hk-editor{display:grid;gap:.6rem}
.hk-editor fieldset{border:1px solid var(--border,#c5cedc);border-radius:var(--radius-small,8px);padding:.6rem .8rem}
.hk-editor textarea,.hk-editor input[type=text]{width:100%}
.hk-problems{margin:.4rem 0;padding-left:1.2rem;color:var(--danger,#a4231b)}
.hk-table{border-collapse:collapse;width:100%}
.hk-table th,.hk-table td{border-bottom:1px solid var(--border,#c5cedc);padding:.3rem .5rem;text-align:left;vertical-align:top}
.hk-table td.num,.hk-table th.num{text-align:right}
.hk-nowrap{white-space:nowrap}
/* Focusable so that a keyboard can scroll a table wider than a phone (WCAG 2.1.1). */
.hk-table-wrap{overflow-x:auto;max-width:100%}
.hk-link{font-family:monospace;font-size:.85rem;width:100%}
.hk-dossier{border-top:3px solid var(--primary,#1d3557);padding-top:.8rem;margin-top:1.2rem}
.hk-dossier h3{margin:.2rem 0}
.hk-dossier h4{margin:.8rem 0 .2rem}
.hk-badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;background:var(--accent-soft,#fdf1dc);border:1px solid var(--accent,#e9a23b);font-weight:700;font-size:.9rem;margin-right:.3rem}
@media print{
  .hk-dossier{break-before:page;border-top:0}
  .hk-dossier:first-of-type{break-before:auto}
  .hk-dossier section,.hk-table tr{break-inside:avoid}
  .hk-no-print{display:none!important}
}
`;
let styled = false;
function ensureStyles() {
  if (styled || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  } catch {
    /* the page still works with base.css only */
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** A 53-bit random seed for draws: the server records it with the outcome. */
function seed() {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return (a[0] & 0x1fffff) * 2 ** 32 + a[1];
}

/** A 128-bit random token, base64url (22 characters), like the server's own tokens. */
function newToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * SHA-256 in lower-case hex. WebCrypto only exists on secure origins (https, localhost): on a plain
 * http address in a training room the console falls back on this small implementation.
 */
async function sha256Hex(text) {
  const data = new TextEncoder().encode(text);
  if (globalThis.crypto?.subtle) {
    try {
      const digest = await crypto.subtle.digest('SHA-256', data);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    } catch {
      /* fall back below */
    }
  }
  return sha256Fallback(data);
}

function sha256Fallback(bytes) {
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const length = bytes.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, length * 8);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
  }
  return [...H].map((x) => x.toString(16).padStart(8, '0')).join('');
}

const juryKey = (code) => `atelier.jury.${code}`;
const juryLinksKey = (code) => `atelier.juryLinks.${code}`;
const stageLabel = (s) => t(`hackathon.stage.${s}`);
const fieldLabel = (id) => t(`hackathon.field.${id}`);
const fieldHint = (id) => t(`hackathon.hint.${id}`);

function teamName(a, id) {
  return (a?.teams ?? []).find((x) => x.id === id)?.name ?? id;
}

function challengeOf(a, id) {
  return (a?.kit?.challenges ?? []).find((c) => c.id === id) ?? null;
}

function stepsList(stage) {
  const current = STAGES.indexOf(stage);
  return html`<ol class="hk-steps" aria-label=${t('hackathon.steps')}>
    ${STAGES.map((s, i) => html`<li aria-current=${i === current ? 'step' : 'false'} class=${i < current ? 'muted' : ''}>${stageLabel(s)}</li>`)}
  </ol>`;
}

/** The stage, its countdown or "time is up". */
function stageHead(a, { testid = 'hk-stage' } = {}) {
  const timed = TIMED.includes(a.stage);
  return html`<div class="hk-head">
    <p class="hk-stage" data-testid=${testid} data-stage=${a.stage}>${stageLabel(a.stage)}</p>
    ${timed && a.deadline && !a.timeUp ? html`<count-down .deadline=${a.deadline}></count-down>` : nothing}
    ${timed && a.timeUp ? html`<p class="hk-timeup" role="status" data-testid="hk-time-up">${t('hackathon.timeUp')}</p>` : nothing}
  </div>`;
}

function challengeCard(c, { open = false, testid = 'hk-challenge', heading = 'h3' } = {}) {
  if (!c) return nothing;
  const title = heading === 'h4' ? html`<h4>${c.title}</h4>` : html`<h3>${c.title}</h3>`;
  return html`<article class="hk-challenge" data-testid="${testid}-${c.id}">
    ${title}
    <details ?open=${open}>
      <summary>${t('hackathon.challenge.details')}</summary>
      <p>${c.statement}</p>
      ${c.publics?.length ? html`<p><strong>${t('hackathon.challenge.publics')}</strong> ${c.publics.join(' · ')}</p>` : nothing}
      ${c.questions?.length
        ? html`<p><strong>${t('hackathon.challenge.questions')}</strong></p>
            <ul>${c.questions.map((q) => html`<li>${q}</li>`)}</ul>`
        : nothing}
      ${c.resources?.length
        ? html`<p><strong>${t('hackathon.challenge.resources')}</strong></p>
            <ul>
              ${c.resources.map((r) => html`<li>${r.url ? html`<a href=${r.url} target="_blank" rel="noopener noreferrer">${r.name}</a>` : r.name}${r.description ? html` — ${r.description}` : nothing}</li>`)}
            </ul>`
        : nothing}
    </details>
  </article>`;
}

function solutionList(solution, { testid = 'hk-solution' } = {}) {
  const entries = SOLUTION.filter((id) => solution?.[id]);
  if (!entries.length) return html`<p class="muted">${t('hackathon.solution.empty')}</p>`;
  return html`<dl class="hk-solution" data-testid=${testid}>
    ${entries.map((id) => html`<dt>${fieldLabel(id)}</dt><dd data-testid="${testid}-${id}">${solution[id]}</dd>`)}
  </dl>`;
}

function scoreText(tally) {
  if (!tally || tally.total === undefined || tally.total === null) return '—';
  return t('hackathon.results.score', { score: formatNumber(tally.total, 2) });
}

/** Prizes and the ranking, once revealed (the console also sees them live). */
function resultsView(a, results, { testid = 'hk-results' } = {}) {
  if (!results) return nothing;
  const names = (ids) => ids.map((id) => teamName(a, id)).join(' · ');
  const rows = [...results.teams].sort((x, y) => (x.jury?.rank ?? 99) - (y.jury?.rank ?? 99));
  return html`<section class="stack" data-testid=${testid}>
    <div class="hk-grid">
      <div class="hk-prize" data-testid="hk-prize-jury">
        <h3>★ ${t('hackathon.results.juryPrize')}</h3>
        <p data-testid="hk-prize-jury-teams">${results.juryPrize.length ? names(results.juryPrize) : t('hackathon.results.noVote')}</p>
      </div>
      <div class="hk-prize" data-testid="hk-prize-public">
        <h3>★ ${t('hackathon.results.publicPrize')}</h3>
        <p data-testid="hk-prize-public-teams">${results.publicPrize.length ? names(results.publicPrize) : t('hackathon.results.noVote')}</p>
      </div>
    </div>
    <div class="hk-table-wrap" role="region" tabindex="0" aria-label=${t('hackathon.results.caption')}><table class="hk-table" data-testid="${testid}-table">
      <caption class="visually-hidden">${t('hackathon.results.caption')}</caption>
      <thead><tr><th scope="col">${t('hackathon.results.team')}</th><th scope="col" class="num">${t('hackathon.results.jury')}</th>
        <th scope="col" class="num">${t('hackathon.results.public')}</th></tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr data-testid="${testid}-${r.teamId}">
          <th scope="row">${r.name}</th>
          <td class="num"><strong class="hk-nowrap">${scoreText(r.jury)}</strong> <span class="muted">(${tn('hackathon.ballots', r.jury?.ballots ?? 0)})</span></td>
          <td class="num"><strong class="hk-nowrap">${scoreText(r.public)}</strong> <span class="muted">(${tn('hackathon.ballots', r.public?.ballots ?? 0)})</span></td>
        </tr>`)}
      </tbody>
    </table></div>
  </section>`;
}

// ---------------------------------------------------------------------------------------------
// Phone

/** Phone: team forming and challenge, canvases with presence and conflicts, ideas and dots, pitches, votes, prizes. */
class HackathonPhone extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _message: { state: true },
    _teamName: { state: true },
    _idea: { state: true },
    _ballots: { state: true },
    _juryState: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._message = '';
    this._teamName = '';
    this._idea = '';
    this._ballots = {};
    this._juryState = 'idle';
    /** Per field: {text, baseRev, dirty, sending, conflict, timer, sentText, sentBase}. */
    this._fields = {};
    this._focused = null;
    this._focusSentAt = 0;
    ensureStyles();
  }

  connectedCallback() {
    super.connectedCallback();
    this._readJuryLink();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const id of Object.keys(this._fields)) this._save(id);
  }

  /** A jury link (/j/CODE#jury=TOKEN): the token is kept until the seat is claimed. */
  _readJuryLink() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = fragment.get('jury');
    const code = this._code();
    if (token && code) {
      storage.set(juryKey(code), token);
    }
  }

  _code() {
    return this.view?.session?.code ?? location.pathname.split('/').filter(Boolean)[1]?.toUpperCase() ?? null;
  }

  willUpdate() {
    const a = this.activity;
    if (!a) return;
    this._syncFields(a.workspace);
    this._maybeClaim(a);
  }

  updated() {
    this._maybeClaim(this.activity);
  }

  _maybeClaim(a) {
    const code = this._code();
    if (!a || !code || this._juryState === 'sending') return;
    const token = storage.get(juryKey(code));
    if (!token) return;
    if (a.me?.juror) {
      this._juryDone(code);
      return;
    }
    if (this._juryState === 'failed') return;
    this._juryState = 'sending';
    this.send({ type: 'hackathon.claimJury', token }).then(
      () => {
        this._juryState = 'idle';
        this._juryDone(code);
      },
      (error) => {
        this._juryState = 'failed';
        this._message = error?.message || t('common.rejected');
        storage.remove(juryKey(code));
      },
    );
  }

  _juryDone(code) {
    storage.remove(juryKey(code));
    if (location.hash.includes('jury=')) history.replaceState(history.state, '', location.pathname + location.search);
  }

  async _command(command) {
    this._message = '';
    try {
      await this.send(command);
      return true;
    } catch (error) {
      this._message = error?.message || t('common.rejected');
      return false;
    }
  }

  // ---- canvas fields: drafts, autosave, presence, conflicts ----

  _syncFields(ws) {
    const fields = ws?.fields ?? {};
    for (const [id, server] of Object.entries(fields)) {
      const f = this._fields[id];
      if (!f) {
        this._fields[id] = { text: server.text, baseRev: server.rev, dirty: false, sending: false, conflict: false, timer: null };
        continue;
      }
      if (f.conflict) continue;
      if (!f.dirty && !f.sending) {
        f.text = server.text;
        f.baseRev = server.rev;
      } else if (server.text === f.text) {
        f.baseRev = Math.max(f.baseRev, server.rev);
        if (!f.sending) f.dirty = false;
      } else if (server.rev > f.baseRev && !f.sending) {
        // A teammate saved this field while we were writing: show both texts before anything is sent.
        clearTimeout(f.timer);
        f.timer = null;
        f.conflict = true;
      }
    }
  }

  _input(id, value) {
    const f = this._fields[id];
    if (!f) return;
    f.text = value;
    f.dirty = true;
    clearTimeout(f.timer);
    if (!f.conflict) f.timer = setTimeout(() => this._save(id), AUTOSAVE_MS);
    if (Date.now() - this._focusSentAt > PRESENCE_REFRESH_MS) this._announce(id);
    this.requestUpdate();
  }

  _announce(id) {
    this._focused = id;
    this._focusSentAt = Date.now();
    this.send({ type: 'hackathon.focus', field: id }).catch(() => {});
  }

  _focus(id) {
    if (this._focused !== id || Date.now() - this._focusSentAt > PRESENCE_REFRESH_MS) this._announce(id);
  }

  _blur(id) {
    this._save(id);
    if (this._focused === id) {
      this._focused = null;
      this._focusSentAt = 0;
      this.send({ type: 'hackathon.blur', field: id }).catch(() => {});
    }
  }

  _save(id, { text, baseRev } = {}) {
    const f = this._fields[id];
    if (!f) return;
    clearTimeout(f.timer);
    f.timer = null;
    const sending = text ?? f.text;
    const base = baseRev ?? f.baseRev;
    const server = this.activity?.workspace?.fields?.[id];
    if (f.conflict && text === undefined) return;
    if (!f.dirty && text === undefined) return;
    if (server && server.text === sending && server.rev >= base) {
      f.dirty = false;
      f.baseRev = server.rev;
      this.requestUpdate();
      return;
    }
    f.sending = true;
    f.state = 'sending';
    f.text = sending;
    this.requestUpdate();
    this.send({ type: 'hackathon.edit', field: id, baseRev: base, text: sending }).then(
      () => {
        f.sending = false;
        f.conflict = false;
        f.baseRev = Math.max(f.baseRev, base + 1);
        f.dirty = f.text !== sending;
        f.state = 'saved';
        if (f.dirty) f.timer = setTimeout(() => this._save(id), AUTOSAVE_MS);
        this.requestUpdate();
      },
      (error) => {
        f.sending = false;
        if (error?.code === 'conflict') {
          f.conflict = true;
          f.state = 'conflict';
        } else {
          f.state = 'error';
          this._message = error?.message || t('common.rejected');
        }
        this.requestUpdate();
      },
    );
  }

  /**
   * Resolves a conflict: `keep` is the merged text (null: the teammate's version), saved on top of
   * the revision it was merged with, so a third save in between raises a new conflict.
   */
  _resolve(id, keep, base) {
    const f = this._fields[id];
    const server = this.activity?.workspace?.fields?.[id];
    if (!f || !server) return;
    if (keep === null) {
      f.conflict = false;
      f.dirty = false;
      f.text = server.text;
      f.baseRev = server.rev;
      f.state = 'idle';
      this.requestUpdate();
      return;
    }
    f.conflict = false;
    f.dirty = true;
    this._save(id, { text: keep, baseRev: base ?? server.rev });
  }

  _renderField(a, id, writable) {
    const f = this._fields[id] ?? { text: '', baseRev: 0 };
    const server = a.workspace?.fields?.[id] ?? { text: '', rev: 0 };
    const now = Date.now();
    const others = (a.workspace?.presence ?? []).filter((p) => p.field === id && !p.mine && p.until > now - 5000);
    const busy = others.length > 0;
    const inputId = `hk-${id}`;
    const state = f.conflict ? 'conflict' : f.sending ? 'sending' : f.dirty ? 'dirty' : f.state === 'saved' ? 'saved' : '';
    return html`<div class="hk-field ${busy ? 'hk-field--busy' : ''}" data-testid="hk-field-${id}-box">
      <label for=${inputId}><strong>${fieldLabel(id)}</strong></label>
      <span class="hint" id="${inputId}-hint">${fieldHint(id)}</span>
      ${busy
        ? html`<p class="hk-presence" data-testid="hk-field-${id}-presence">✎ ${t('hackathon.presence', { names: others.map((p) => p.nickname).join(', ') })}</p>`
        : nothing}
      <textarea id=${inputId} data-testid="hk-field-${id}" maxlength=${FIELD_MAX[id]} rows=${FIELD_MAX[id] <= 200 ? 2 : 4}
        aria-describedby="${inputId}-hint ${inputId}-state" ?readonly=${!writable || f.conflict}
        .value=${live(f.text ?? '')} @input=${(e) => this._input(id, e.target.value)}
        @focus=${() => writable && this._focus(id)} @blur=${() => writable && this._blur(id)}></textarea>
      <p class="hk-state" id="${inputId}-state" role="status" data-testid="hk-field-${id}-state" data-state=${state}>
        ${state && state !== 'conflict' ? t(`hackathon.save.${state}`) : ''}
        ${!state && server.by ? t('hackathon.lastBy', { name: server.by }) : ''}
      </p>
      ${f.conflict ? this._renderConflict(id, f, server) : nothing}
    </div>`;
  }

  _renderConflict(id, f, server) {
    if (f.merged === undefined) {
      f.merged = `${server.text}${server.text && f.text ? '\n' : ''}${f.text}`;
      f.mergedBase = server.rev;
    }
    const merged = f.merged;
    return html`<div class="hk-conflict" role="alert" data-testid="hk-conflict-${id}">
      <p><strong>${t('hackathon.conflict.title', { name: server.by ?? t('hackathon.conflict.someone') })}</strong></p>
      <p class="hint">${t('hackathon.conflict.hint')}</p>
      <p>${t('hackathon.conflict.theirs', { name: server.by ?? t('hackathon.conflict.someone') })}</p>
      <blockquote data-testid="hk-conflict-${id}-theirs">${server.text}</blockquote>
      <p>${t('hackathon.conflict.mine')}</p>
      <blockquote data-testid="hk-conflict-${id}-mine">${f.text}</blockquote>
      <label for="hk-merge-${id}">${t('hackathon.conflict.merged')}</label>
      <textarea id="hk-merge-${id}" rows="4" maxlength=${FIELD_MAX[id]} data-testid="hk-conflict-${id}-merged"
        .value=${live(merged)} @input=${(e) => {
          f.merged = e.target.value;
        }}></textarea>
      <div class="row">
        <button type="button" class="btn btn--primary" data-testid="hk-conflict-${id}-save"
          @click=${() => {
            const text = f.merged;
            const base = f.mergedBase;
            f.merged = undefined;
            this._resolve(id, text, base);
          }}>${t('hackathon.conflict.saveMerged')}</button>
        <button type="button" class="btn btn--secondary" data-testid="hk-conflict-${id}-keep-theirs"
          @click=${() => {
            f.merged = undefined;
            this._resolve(id, null);
          }}>${t('hackathon.conflict.keepTheirs')}</button>
      </div>
    </div>`;
  }

  // ---- rendering ----

  render() {
    const a = this.activity ?? {};
    if (!a.stage) return nothing;
    return html`<div class="hk" data-testid="hk-phone" data-stage=${a.stage}>
      <section class="card">${stageHead(a)}</section>
      ${a.me?.juror ? this._renderJuror(a) : this._renderParticipant(a)}
      <p class="answer-status ${this._message ? 'answer-status--error' : ''}" role="status" aria-live="polite" data-testid="hk-phone-status">${this._message}</p>
    </div>`;
  }

  _renderJuror(a) {
    return html`<section class="card" data-testid="hk-juror">
        <p class="lead">${t('hackathon.juror.you', { seat: a.me.seat })}</p>
        ${a.stage === 'RESULTS' ? nothing : html`<p class="hint">${t('hackathon.juror.hint')}</p>`}
      </section>
      ${this._renderStageBody(a, null)}`;
  }

  _renderParticipant(a) {
    const mine = a.me?.teamId ? a.teams.find((x) => x.id === a.me.teamId) : null;
    if (!mine && a.stage !== 'RESULTS' && a.stage !== 'PITCH' && a.stage !== 'VOTE') return this._renderForming(a, null);
    return html`${mine ? this._renderMyTeam(a, mine) : nothing} ${this._renderStageBody(a, mine)}`;
  }

  _renderForming(a, mine) {
    const self = a.settings?.selfTeams;
    const size = a.settings?.teamSize;
    return html`<section class="card" data-testid="hk-forming">
      <h2 class="panel__title">${t('hackathon.teams.title')}</h2>
      ${a.teams.length ? nothing : html`<p class="muted">${t('hackathon.teams.none')}</p>`}
      <ul class="hk-grid" role="list">
        ${a.teams.map((team) => {
          const full = size && team.size >= size;
          const challenge = challengeOf(a, team.challengeId);
          return html`<li class="hk-team ${team.mine ? 'hk-team--mine' : ''}" data-testid="hk-team-${team.id}">
            <h3>${team.name}</h3>
            <p class="hk-members">${team.members.length ? team.members.join(', ') : t('hackathon.teams.empty')}</p>
            ${challenge ? html`<p class="muted">${challenge.title}</p>` : nothing}
            ${self && !team.mine
              ? html`<button type="button" class="btn btn--secondary btn--small" data-testid="hk-join-${team.id}" ?disabled=${full}
                  @click=${() => this._command({ type: 'hackathon.joinTeam', teamId: team.id })}>
                  ${full ? t('hackathon.teams.full') : t('hackathon.teams.join')}</button>`
              : nothing}
          </li>`;
        })}
      </ul>
      ${self && !mine
        ? html`<form class="input-row" @submit=${this._createTeam} data-testid="hk-create-form">
            <label class="visually-hidden" for="hk-team-name">${t('hackathon.teams.newName')}</label>
            <input id="hk-team-name" type="text" maxlength=${TEAM_NAME_MAX} placeholder=${t('hackathon.teams.newName')}
              data-testid="hk-team-name" .value=${live(this._teamName)} @input=${(e) => (this._teamName = e.target.value)} />
            <button type="submit" class="btn btn--primary" data-testid="hk-create-team">${t('hackathon.teams.create')}</button>
          </form>`
        : nothing}
      ${!self ? html`<p class="hint">${t('hackathon.teams.byFacilitator')}</p>` : nothing}
    </section>`;
  }

  async _createTeam(event) {
    event.preventDefault();
    const name = this._teamName.trim();
    if (!name) return;
    if (await this._command({ type: 'hackathon.createTeam', name })) this._teamName = '';
  }

  _renderMyTeam(a, mine) {
    const challenge = challengeOf(a, mine.challengeId);
    const canChoose = a.stage === 'TEAMS' || (a.stage === 'UNDERSTAND' && !mine.challengeId);
    return html`<section class="card hk-team hk-team--mine" data-testid="hk-my-team">
      <p class="kicker">${t('hackathon.teams.mine')}</p>
      <h2 class="panel__title" data-testid="hk-my-team-name">${mine.name}</h2>
      <p class="hk-members">${mine.members.join(', ')}</p>
      ${challenge
        ? html`${challengeCard(challenge, { open: a.stage === 'UNDERSTAND', testid: 'hk-my-challenge' })}`
        : html`<p class="notice">${t('hackathon.challenge.chooseFirst')}</p>`}
      ${a.stage === 'TEAMS'
        ? html`<button type="button" class="btn btn--link" data-testid="hk-leave-team" @click=${() => this._command({ type: 'hackathon.leaveTeam' })}>
            ${t('hackathon.teams.leave')}</button>`
        : nothing}
    </section>
    ${canChoose && a.kit ? this._renderChallenges(a, mine) : nothing}`;
  }

  _renderChallenges(a, mine) {
    const taken = (id) => a.teams.filter((x) => x.challengeId === id).length;
    return html`<section class="card" data-testid="hk-challenges">
      <h2 class="panel__title">${mine.challengeId ? t('hackathon.challenge.change') : t('hackathon.challenge.choose')}</h2>
      <div class="stack">
        ${a.kit.challenges.map((c) => {
          const chosen = c.id === mine.challengeId;
          const full = c.capacity && taken(c.id) >= c.capacity && !chosen;
          return html`<div class="stack">
            ${challengeCard(c, { heading: 'h4' })}
            <p class="hint">${c.capacity ? t('hackathon.challenge.capacity', { n: taken(c.id), max: c.capacity }) : tn('hackathon.challenge.taken', taken(c.id))}</p>
            <button type="button" class="btn ${chosen ? 'btn--secondary' : 'btn--primary'} btn--small" data-testid="hk-choose-${c.id}"
              aria-pressed=${chosen ? 'true' : 'false'} ?disabled=${full || chosen}
              @click=${() => this._command({ type: 'hackathon.chooseChallenge', challengeId: c.id })}>
              ${chosen ? t('hackathon.challenge.chosen') : full ? t('hackathon.challenge.full') : t('hackathon.challenge.take')}</button>
          </div>`;
        })}
      </div>
    </section>`;
  }

  _renderStageBody(a, mine) {
    switch (a.stage) {
      case 'TEAMS':
        return mine ? this._renderForming(a, mine) : a.me?.juror ? this._renderChallengeList(a) : nothing;
      case 'UNDERSTAND':
        return mine ? this._renderCanvas(a, 'problem', true) : this._renderWaiting(a);
      case 'IMAGINE':
        return mine
          ? html`${this._renderIdeas(a, true)}
              <details class="card"><summary>${t('hackathon.canvas.problem')}</summary>${this._renderCanvas(a, 'problem', true, false)}</details>`
          : this._renderWaiting(a);
      case 'BUILD':
        return mine
          ? html`${this._renderCanvas(a, 'solution', true)} ${this._renderIdeas(a, true, true)}
              <details class="card"><summary>${t('hackathon.canvas.problem')}</summary>${this._renderCanvas(a, 'problem', true, false)}</details>`
          : this._renderWaiting(a);
      case 'PITCH':
        return html`${this._renderPitch(a)} ${this._renderVotes(a, mine, true)}`;
      case 'VOTE':
        return this._renderVotes(a, mine, false);
      case 'RESULTS':
        return html`<section class="card">${resultsView(a, a.results)}</section>`;
      default:
        return nothing;
    }
  }

  _renderWaiting(a) {
    return html`<section class="card" data-testid="hk-waiting"><p class="lead">${a.me?.juror ? t('hackathon.juror.wait') : t('hackathon.teams.joinFirst')}</p></section>
      ${a.me?.juror ? this._renderChallengeList(a) : nothing}`;
  }

  _renderChallengeList(a) {
    if (!a.kit) return nothing;
    return html`<section class="card"><h2 class="panel__title">${t('hackathon.challenge.all')}</h2>
      <div class="stack">${a.kit.challenges.map((c) => challengeCard(c, { heading: 'h4' }))}</div></section>`;
  }

  _renderCanvas(a, canvas, writable, card = true) {
    const ids = canvas === 'problem' ? PROBLEM : SOLUTION;
    const body = html`<h2 class="panel__title">${t(`hackathon.canvas.${canvas}`)}</h2>
      <p class="hint">${t(`hackathon.canvas.${canvas}Hint`)}</p>
      ${ids.map((id) => this._renderField(a, id, writable))}`;
    return card ? html`<section class="card" data-testid="hk-canvas-${canvas}">${body}</section>`
      : html`<div data-testid="hk-canvas-${canvas}">${body}</div>`;
  }

  _renderIdeas(a, writable, compact = false) {
    const ideas = a.workspace?.ideas ?? [];
    const left = a.me?.dotsLeft ?? 0;
    const add = async (event) => {
      event.preventDefault();
      const text = this._idea.trim();
      if (!text) return;
      if (await this._command({ type: 'hackathon.addIdea', text })) this._idea = '';
    };
    return html`<section class="card" data-testid="hk-ideas">
      <h2 class="panel__title">${t('hackathon.ideas.title')}</h2>
      ${compact ? nothing : html`<p class="hint">${t('hackathon.ideas.hint', { n: a.settings?.dots ?? 3 })}</p>`}
      <p class="muted" data-testid="hk-dots-left">${tn('hackathon.ideas.dotsLeft', left)}</p>
      ${ideas.length ? nothing : html`<p class="muted">${t('hackathon.ideas.none')}</p>`}
      <ol class="hk-ideas">
        ${ideas.map((i) => html`<li data-testid="hk-idea-${i.id}">
          <span>${i.text} <span class="muted">— ${i.by}</span></span>
          <span class="row">
            <button type="button" class="btn btn--secondary btn--small hk-dot" data-testid="hk-dot-${i.id}"
              aria-pressed=${i.dotted ? 'true' : 'false'} ?disabled=${!writable || (!i.dotted && left <= 0)}
              aria-label=${t(i.dotted ? 'hackathon.ideas.undot' : 'hackathon.ideas.dot', { idea: i.text })}
              @click=${() => this._command({ type: 'hackathon.dot', ideaId: i.id, on: !i.dotted })}>● ${formatNumber(i.dots)}</button>
            ${i.mine && writable
              ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="hk-idea-remove-${i.id}"
                  aria-label=${t('hackathon.ideas.remove', { idea: i.text })}
                  @click=${() => this._command({ type: 'hackathon.removeIdea', ideaId: i.id })}>✕</button>`
              : nothing}
          </span>
        </li>`)}
      </ol>
      ${writable
        ? html`<form class="input-row" @submit=${add}>
            <label class="visually-hidden" for="hk-idea">${t('hackathon.ideas.new')}</label>
            <input id="hk-idea" type="text" maxlength=${IDEA_MAX} placeholder=${t('hackathon.ideas.new')} data-testid="hk-idea-input"
              .value=${live(this._idea)} @input=${(e) => (this._idea = e.target.value)} />
            <button type="submit" class="btn btn--primary" data-testid="hk-idea-add">${t('hackathon.ideas.add')}</button>
          </form>`
        : nothing}
    </section>`;
  }

  _renderPitch(a) {
    const p = a.pitch ?? { order: [], done: [] };
    const current = p.current ? a.teams.find((x) => x.id === p.current) : null;
    return html`<section class="card" data-testid="hk-pitch">
      <h2 class="panel__title">${t('hackathon.pitch.order')}</h2>
      <ol class="hk-order" data-testid="hk-pitch-order">
        ${p.order.map((id) => html`<li aria-current=${id === p.current ? 'true' : 'false'}>${teamName(a, id)}
          ${id === p.current ? html` — <strong>${t('hackathon.pitch.now')}</strong>` : p.done.includes(id) ? html` <span class="muted">✓</span>` : nothing}</li>`)}
      </ol>
      ${current
        ? html`<div data-testid="hk-pitch-current">
            <h3>${current.name}</h3>
            ${p.deadline && !p.timeUp ? html`<count-down .deadline=${p.deadline}></count-down>` : nothing}
            ${p.timeUp ? html`<p class="hk-timeup">${t('hackathon.pitch.timeUp')}</p>` : nothing}
          </div>`
        : nothing}
    </section>`;
  }

  /** Score forms: every pitched team (other than mine) for the room, every pitched team for a juror. */
  _renderVotes(a, mine, pitchingOnly) {
    const juror = a.me?.juror;
    if (!juror && !a.settings?.publicVote) {
      return html`<section class="card"><p class="muted">${t('hackathon.vote.juryOnly')}</p></section>`;
    }
    const teams = a.teams.filter((x) => (juror || x.id !== mine?.id) && (!pitchingOnly || x.pitched) && (x.size > 0 || x.pitched));
    return html`<section class="card" data-testid="hk-votes">
      <h2 class="panel__title">${juror ? t('hackathon.vote.juryTitle') : t('hackathon.vote.publicTitle')}</h2>
      <p class="hint">${juror ? t('hackathon.vote.juryHint') : t('hackathon.vote.publicHint')}</p>
      ${teams.length ? nothing : html`<p class="muted">${t('hackathon.vote.nothingYet')}</p>`}
      ${teams.map((team) => this._renderScoreForm(a, team))}
    </section>`;
  }

  _renderScoreForm(a, team) {
    const rubric = a.kit?.rubric ?? [];
    const saved = a.myScores?.[team.id] ?? null;
    const draft = this._ballots[team.id] ?? saved ?? {};
    const complete = rubric.every((c) => draft[c.id]);
    const changed = JSON.stringify(draft) !== JSON.stringify(saved ?? {});
    const set = (criterion, value) => {
      this._ballots = { ...this._ballots, [team.id]: { ...draft, [criterion]: value } };
    };
    const submit = async (event) => {
      event.preventDefault();
      if (!complete) {
        this._message = t('hackathon.vote.incomplete');
        return;
      }
      const scores = {};
      for (const c of rubric) scores[c.id] = draft[c.id];
      if (await this._command({ type: 'hackathon.score', teamId: team.id, scores })) {
        const copy = { ...this._ballots };
        delete copy[team.id];
        this._ballots = copy;
      }
    };
    return html`<details class="hk-team" ?open=${!saved} data-testid="hk-score-${team.id}">
      <summary><strong>${team.name}</strong> ${saved ? html`<span class="tag" data-testid="hk-score-${team.id}-saved">✓ ${t('hackathon.vote.saved')}</span>` : nothing}</summary>
      ${solutionList(team.solution, { testid: `hk-score-${team.id}-solution` })}
      <form class="hk-score" @submit=${submit}>
        ${rubric.map((c) => html`<fieldset>
          <legend>${c.label} <span class="muted">(${t('hackathon.vote.weight', { n: c.weight })})</span></legend>
          ${c.description ? html`<p class="hint">${c.description}</p>` : nothing}
          <div class="hk-scale">
            ${[1, 2, 3, 4, 5].map((n) => html`<label data-testid="hk-score-${team.id}-${c.id}-${n}">
              <input type="radio" name="hk-${team.id}-${c.id}" value=${n} .checked=${draft[c.id] === n} @change=${() => set(c.id, n)} />
              <span>${n}</span></label>`)}
          </div>
        </fieldset>`)}
        <button type="submit" class="btn btn--primary" data-testid="hk-score-${team.id}-send" ?disabled=${!changed && Boolean(saved)}>
          ${saved ? t('hackathon.vote.update') : t('hackathon.vote.send')}</button>
      </form>
    </details>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Projector

/** Projector: the stage and its countdown, each team's progress, the pitch order and timer, then the prizes. */
class HackathonScreen extends LightElement {
  static properties = { view: { attribute: false }, activity: { attribute: false } };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    ensureStyles();
  }

  render() {
    const a = this.activity ?? {};
    if (!a.stage) return nothing;
    return html`<section class="screen-panel hk hk-screen" data-testid="hk-screen" data-stage=${a.stage}>
      ${stepsList(a.stage)} ${stageHead(a)}
      ${a.stage === 'TEAMS' ? this._renderTeams(a) : nothing}
      ${['UNDERSTAND', 'IMAGINE', 'BUILD'].includes(a.stage) ? this._renderProgress(a) : nothing}
      ${a.stage === 'PITCH' ? this._renderPitch(a) : nothing}
      ${a.stage === 'VOTE' ? this._renderVote(a) : nothing}
      ${a.stage === 'RESULTS' ? resultsView(a, a.results, { testid: 'hk-screen-results' }) : nothing}
    </section>`;
  }

  _renderTeams(a) {
    return html`<p class="screen-lead">${t('hackathon.screen.forming')}</p>
      <ul class="hk-grid" role="list" data-testid="hk-screen-teams">
        ${a.teams.map((team) => html`<li class="hk-team" data-testid="hk-screen-team-${team.id}">
          <h3>${team.name}</h3>
          <p class="hk-members">${team.members.join(', ') || t('hackathon.teams.empty')}</p>
          <p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')}</p>
        </li>`)}
      </ul>
      ${a.kit ? html`<h2 class="panel__subtitle">${t('hackathon.challenge.all')}</h2>
        <ul class="hk-grid" role="list">${a.kit.challenges.map((c) => html`<li class="hk-challenge"><h3>${c.title}</h3>
          <p class="muted">${c.publics.join(' · ')}</p></li>`)}</ul>` : nothing}`;
  }

  _renderProgress(a) {
    return html`<ul class="hk-grid" role="list" data-testid="hk-screen-progress">
      ${a.teams.filter((x) => x.size > 0).map((team) => {
        const p = team.progress;
        return html`<li class="hk-team" data-testid="hk-screen-team-${team.id}">
          <h3>${team.name}</h3>
          <p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')} · ${tn('common.participants', team.size)}</p>
          <div class="hk-progress">
            <span>${t('hackathon.canvas.problem')}</span>
            <progress max=${p.problemOf} .value=${p.problem} aria-label=${t('hackathon.canvas.problem')}></progress>
            <span data-testid="hk-screen-team-${team.id}-problem">${p.problem}/${p.problemOf}</span>
            <span>${t('hackathon.ideas.title')}</span><span></span>
            <span data-testid="hk-screen-team-${team.id}-ideas">${formatNumber(p.ideas)}</span>
            <span>${t('hackathon.canvas.solution')}</span>
            <progress max=${p.solutionOf} .value=${p.solution} aria-label=${t('hackathon.canvas.solution')}></progress>
            <span data-testid="hk-screen-team-${team.id}-solution">${p.solution}/${p.solutionOf}</span>
          </div>
          ${p.writing ? html`<p class="hk-presence">✎ ${tn('hackathon.screen.writing', p.writing)}</p>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  _renderPitch(a) {
    const p = a.pitch ?? { order: [], done: [] };
    const current = p.current ? a.teams.find((x) => x.id === p.current) : null;
    return html`<div class="screen-split screen-split--aside">
      <div data-testid="hk-screen-pitch">
        ${current
          ? html`<p class="kicker">${t('hackathon.pitch.now')}</p>
              <h2 class="hk-pitch-name" data-testid="hk-screen-pitch-team">${current.name}</h2>
              <p class="muted">${challengeOf(a, current.challengeId)?.title ?? ''}</p>
              ${p.deadline && !p.timeUp ? html`<count-down .deadline=${p.deadline}></count-down>` : nothing}
              ${p.timeUp ? html`<p class="hk-timeup" data-testid="hk-screen-pitch-timeup">${t('hackathon.pitch.timeUp')}</p>` : nothing}
              ${solutionList(current.solution, { testid: 'hk-screen-solution' })}`
          : html`<p class="screen-lead">${t('hackathon.screen.pitchSoon')}</p>`}
      </div>
      <aside class="join-aside">
        <h2 class="panel__subtitle">${t('hackathon.pitch.order')}</h2>
        <ol class="hk-order" data-testid="hk-screen-order">
          ${p.order.map((id) => html`<li aria-current=${id === p.current ? 'true' : 'false'}>${teamName(a, id)}${p.done.includes(id) && id !== p.current ? ' ✓' : ''}</li>`)}
        </ol>
      </aside>
    </div>`;
  }

  _renderVote(a) {
    const v = a.votes ?? {};
    return html`<p class="screen-lead" data-testid="hk-screen-vote">${t('hackathon.screen.vote')}</p>
      <p class="screen-answered" data-testid="hk-screen-ballots">${t('hackathon.screen.ballots', { jury: formatNumber(v.juryBallots ?? 0), public: formatNumber(v.publicBallots ?? 0) })}</p>
      <ul class="hk-grid" role="list">
        ${a.teams.filter((x) => x.solution && Object.keys(x.solution).length).map((team) => html`<li class="hk-team">
          <h3>${team.name}</h3>${solutionList(team.solution, { testid: `hk-screen-solution-${team.id}` })}</li>`)}
      </ul>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Console

const blankChallenge = (n) => ({ id: `defi-${n}`, title: '', statement: '', publics: [], questions: [], resources: [], capacity: null });
const lines = (text) => String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** Console: challenges and rubric (edit, import, export), jury links, teams, phases and timers, pitches, prizes. */
class HackathonConsole extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _catalogue: { state: true },
    _chosenId: { state: true },
    _kit: { state: true },
    _settings: { state: true },
    _problems: { state: true },
    _libraryState: { state: true },
    _juryLabel: { state: true },
    _links: { state: true },
    _teamName: { state: true },
    _teamCount: { state: true },
    _minutes: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._catalogue = null;
    this._chosenId = '';
    this._kit = null;
    this._settings = null;
    this._problems = [];
    this._libraryState = 'idle';
    this._juryLabel = '';
    this._links = null;
    this._teamName = '';
    this._teamCount = '2';
    this._minutes = '';
    ensureStyles();
  }

  connectedCallback() {
    super.connectedCallback();
    if (this._catalogue === null) this._loadCatalogue();
  }

  _code() {
    return this.view?.session?.code ?? '';
  }

  willUpdate() {
    if (this._links === null && this._code()) this._links = storage.get(juryLinksKey(this._code())) ?? {};
    const a = this.activity;
    if (a && !this._settings) this._settings = { ...(a.settings ?? {}) };
    if (a?.kit && !this._kit) this._kit = structuredClone(a.kit);
  }

  async _loadCatalogue() {
    try {
      const response = await fetch('/api/formats/hackathon/library');
      if (!response.ok) throw new Error(String(response.status));
      this._catalogue = await response.json();
      if (!this._chosenId && this._catalogue.length) this._chosenId = this._catalogue[0].id;
    } catch {
      this._catalogue = [];
      this._libraryState = 'loadError';
    }
  }

  _run(command) {
    return this.send(command).then(() => true, () => false);
  }

  async _loadKit() {
    if (!this._chosenId) return;
    this._libraryState = 'loading';
    try {
      const response = await fetch(`/api/formats/hackathon/library/${encodeURIComponent(this._chosenId)}`);
      if (!response.ok) throw new Error(String(response.status));
      this._kit = await response.json();
      this._problems = [];
      this._libraryState = 'loaded';
    } catch {
      this._libraryState = 'loadError';
    }
  }

  async _import(event) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    this._problems = [];
    this._libraryState = 'parsing';
    try {
      const response = await fetch('/api/formats/hackathon/library/parse?kind=yaml', {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: await file.text(),
      });
      const body = await response.json();
      if (body.ok) {
        this._kit = body.content;
        this._libraryState = 'imported';
      } else {
        this._problems = body.problems ?? [{ line: 0, message: body.error?.message ?? t('hackathon.console.importFailed') }];
        this._libraryState = 'problems';
      }
    } catch {
      this._libraryState = 'importError';
    }
  }

  async _export() {
    if (!this._kit) return;
    try {
      const response = await fetch('/api/formats/hackathon/library/export?kind=yaml', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(this._cleanKit()),
      });
      if (!response.ok) throw new Error(String(response.status));
      const blob = new Blob([await response.text()], { type: 'application/yaml' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${this._kit.id || 'defis'}.yaml`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this._libraryState = 'exported';
    } catch {
      this._libraryState = 'exportError';
    }
  }

  /** The kit as the server reads it: no empty optional values. */
  _cleanKit() {
    const k = this._kit;
    const text = (s) => (s && String(s).trim() ? String(s).trim() : undefined);
    return {
      id: text(k.id),
      title: text(k.title),
      description: text(k.description),
      challenges: k.challenges.map((c) => ({
        id: text(c.id),
        title: text(c.title),
        statement: text(c.statement),
        publics: c.publics ?? [],
        questions: c.questions ?? [],
        resources: (c.resources ?? []).filter((r) => text(r.name)).map((r) => ({ name: text(r.name), url: text(r.url), description: text(r.description) })),
        capacity: c.capacity ? Number(c.capacity) : undefined,
      })),
      rubric: k.rubric.map((c) => ({ id: text(c.id), label: text(c.label), weight: Number(c.weight), description: text(c.description) })),
    };
  }

  _numberOrNull(v) {
    const s = String(v ?? '').trim();
    return s === '' ? null : Number(s);
  }

  async _saveSetup() {
    const s = this._settings ?? {};
    const settings = {
      teamSize: this._numberOrNull(s.teamSize),
      selfTeams: s.selfTeams !== false,
      understandMinutes: this._numberOrNull(s.understandMinutes),
      imagineMinutes: this._numberOrNull(s.imagineMinutes),
      buildMinutes: this._numberOrNull(s.buildMinutes),
      voteMinutes: this._numberOrNull(s.voteMinutes),
      pitchSeconds: this._numberOrNull(s.pitchSeconds),
      dots: this._numberOrNull(s.dots),
      publicVote: s.publicVote !== false,
    };
    if (await this._run({ type: 'hackathon.setup', kit: this._cleanKit(), settings })) this._libraryState = 'saved';
  }

  _editKit(mutate) {
    const k = structuredClone(this._kit);
    mutate(k);
    this._kit = k;
  }

  async _invite(event) {
    event.preventDefault();
    const token = newToken();
    const tokenHash = await sha256Hex(token);
    const before = new Set((this.activity?.jury ?? []).map((j) => j.id));
    if (!(await this._run({ type: 'hackathon.inviteJury', label: this._juryLabel.trim() || null, tokenHash }))) return;
    this._juryLabel = '';
    // The seat's id comes with the next view: pair it with the token, kept only on this console.
    const pair = () => {
      const seat = (this.activity?.jury ?? []).find((j) => !before.has(j.id));
      if (!seat) return false;
      this._links = { ...this._links, [seat.id]: token };
      storage.set(juryLinksKey(this._code()), this._links);
      return true;
    };
    if (!pair()) {
      const started = Date.now();
      const timer = setInterval(() => {
        if (pair() || Date.now() - started > 10_000) clearInterval(timer);
      }, 100);
    }
  }

  _juryUrl(token) {
    return `${location.origin}/j/${this._code()}#jury=${token}`;
  }

  render() {
    const phase = this.view?.session?.phase;
    const a = this.activity ?? {};
    if (!a.stage) return nothing;
    return html`<div class="hk stack" data-testid="hk-console" data-stage=${a.stage}>
      <section class="panel">${stepsList(a.stage)} ${stageHead(a, { testid: 'hk-console-stage' })}
        ${phase === 'ACTIVITY' ? this._renderStageControls(a) : phase === 'LOBBY' ? html`<p class="notice">${t('hackathon.console.startFirst')}</p>` : nothing}
      </section>
      ${a.stage === 'TEAMS' && (phase === 'LOBBY' || phase === 'ACTIVITY') ? this._renderSetup(a) : this._renderKitSummary(a)}
      ${this._renderJury(a)}
      ${this._renderTeams(a, phase)}
      ${a.stage === 'PITCH' ? this._renderPitchControls(a) : nothing}
      ${a.results && ['PITCH', 'VOTE', 'RESULTS'].includes(a.stage) ? html`<section class="panel" data-testid="hk-console-scores">
          <h3 class="panel__title">${a.results.revealed ? t('hackathon.results.title') : t('hackathon.console.liveResults')}</h3>
          ${a.results.revealed ? nothing : html`<p class="hint">${t('hackathon.console.liveResultsHint', { jury: a.votes?.juryBallots ?? 0, public: a.votes?.publicBallots ?? 0 })}</p>`}
          ${resultsView(a, a.results, { testid: 'hk-console-results' })}
        </section>` : nothing}
      ${a.stage !== 'TEAMS' ? this._renderWorkspaces(a) : nothing}
    </div>`;
  }

  _renderStageControls(a) {
    const i = STAGES.indexOf(a.stage);
    const next = STAGES[i + 1];
    const timed = next && TIMED.includes(next);
    const defaultMinutes = timed ? a.settings?.[`${next.toLowerCase()}Minutes`] ?? '' : '';
    const advance = async (event) => {
      event.preventDefault();
      const command = { type: 'hackathon.advance', to: next };
      if (timed && String(this._minutes).trim() !== '') command.minutes = Number(this._minutes);
      if (next === 'PITCH') command.seed = seed();
      if (await this._run(command)) this._minutes = '';
    };
    return html`${next
        ? html`<form class="row" @submit=${advance} data-testid="hk-advance-form">
            ${timed
              ? html`<label for="hk-minutes">${t('hackathon.console.minutes')}</label>
                  <input id="hk-minutes" type="number" min="0" max="480" inputmode="numeric" data-testid="hk-minutes" placeholder=${String(defaultMinutes)}
                    .value=${live(String(this._minutes))} @input=${(e) => (this._minutes = e.target.value)} />`
              : nothing}
            <button type="submit" class="btn btn--primary" data-testid="hk-advance" data-next=${next}>
              ${next === 'RESULTS' ? t('hackathon.console.reveal') : t('hackathon.console.goTo', { stage: stageLabel(next) })}</button>
          </form>`
        : nothing}
      ${a.stage !== 'TEAMS' && a.stage !== 'RESULTS'
        ? html`<div class="row">
            <button type="button" class="btn btn--secondary btn--small" data-testid="hk-extend"
              @click=${() => this._run({ type: 'hackathon.extend', minutes: 5 })}>${t('hackathon.console.extend')}</button>
          </div>`
        : nothing}`;
  }

  _renderKitSummary(a) {
    if (!a.kit) return nothing;
    return html`<section class="panel" data-testid="hk-kit-summary">
      <h3 class="panel__title">${a.kit.title ?? t('hackathon.console.kit')}</h3>
      <details><summary>${tn('hackathon.console.challenges', a.kit.challenges.length)}</summary>
        <div class="stack">${a.kit.challenges.map((c) => challengeCard(c, { heading: 'h4' }))}</div></details>
      <details><summary>${t('hackathon.console.rubric')}</summary>
        <ul>${a.kit.rubric.map((c) => html`<li>${c.label} — ${t('hackathon.vote.weight', { n: c.weight })}</li>`)}</ul></details>
    </section>`;
  }

  _renderSetup(a) {
    const catalogue = this._catalogue ?? [];
    return html`<section class="panel" data-testid="hk-setup">
      <h3 class="panel__title">${t('hackathon.console.setupTitle')}</h3>
      ${a.kit ? html`<p data-testid="hk-kit-chosen">${t('hackathon.console.kitChosen', { title: a.kit.title ?? '', n: a.kit.challenges.length })}</p>`
        : html`<p class="notice">${t('hackathon.console.setupHint')}</p>`}
      <div class="field">
        <label for="hk-kit-select">${t('hackathon.console.catalogue')}</label>
        <div class="input-row">
          <select id="hk-kit-select" data-testid="hk-kit-select" @change=${(e) => (this._chosenId = e.target.value)}>
            ${catalogue.map((i) => html`<option value=${i.id} ?selected=${i.id === this._chosenId}>${i.title} (${tn('hackathon.console.challenges', i.size)})</option>`)}
          </select>
          <button type="button" class="btn btn--secondary" data-testid="hk-kit-load" ?disabled=${!this._chosenId} @click=${this._loadKit}>
            ${t('hackathon.console.load')}</button>
        </div>
      </div>
      <div class="field">
        <label for="hk-import">${t('hackathon.console.import')}</label>
        <p class="hint" id="hk-import-hint">${t('hackathon.console.importHint')}</p>
        <input id="hk-import" type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain" aria-describedby="hk-import-hint"
          data-testid="hk-import" @change=${this._import} />
      </div>
      ${this._problems.length
        ? html`<div class="notice notice--error" role="alert" data-testid="hk-import-problems">
            <p>${tn('hackathon.console.problems', this._problems.length)}</p>
            <ul class="hk-problems">${this._problems.map((p) => html`<li>${p.line ? t('hackathon.console.line', { n: p.line }) : ''}${p.message}</li>`)}</ul>
          </div>`
        : nothing}
      ${['loadError', 'importError', 'exportError'].includes(this._libraryState)
        ? html`<p class="notice notice--error" role="alert">${t(`hackathon.console.${this._libraryState}`)}</p>`
        : nothing}
      ${this._kit ? this._renderEditor() : nothing}
      ${this._renderSettings()}
      <div class="row">
        <button type="button" class="btn btn--primary" data-testid="hk-setup-save" ?disabled=${!this._kit} @click=${this._saveSetup}>
          ${t('hackathon.console.save')}</button>
        <button type="button" class="btn btn--ghost" data-testid="hk-export" ?disabled=${!this._kit} @click=${this._export}>${t('hackathon.console.export')}</button>
      </div>
    </section>`;
  }

  _renderEditor() {
    const k = this._kit;
    const challenge = (c, i) => html`<fieldset data-testid="hk-edit-challenge-${i}">
      <legend>${t('hackathon.console.challengeN', { n: i + 1 })}</legend>
      <div class="field"><label for="hk-c${i}-title">${t('hackathon.console.cTitle')}</label>
        <input id="hk-c${i}-title" type="text" maxlength="120" data-testid="hk-edit-challenge-${i}-title" .value=${live(c.title ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].title = e.target.value))} /></div>
      <div class="field"><label for="hk-c${i}-id">${t('hackathon.console.cId')}</label>
        <input id="hk-c${i}-id" type="text" maxlength="60" .value=${live(c.id ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].id = e.target.value))} /></div>
      <div class="field"><label for="hk-c${i}-statement">${t('hackathon.console.cStatement')}</label>
        <textarea id="hk-c${i}-statement" rows="4" maxlength="2000" data-testid="hk-edit-challenge-${i}-statement" .value=${live(c.statement ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].statement = e.target.value))}></textarea></div>
      <div class="field"><label for="hk-c${i}-publics">${t('hackathon.console.cPublics')}</label>
        <textarea id="hk-c${i}-publics" rows="2" .value=${live((c.publics ?? []).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].publics = lines(e.target.value)))}></textarea></div>
      <div class="field"><label for="hk-c${i}-questions">${t('hackathon.console.cQuestions')}</label>
        <textarea id="hk-c${i}-questions" rows="3" .value=${live((c.questions ?? []).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].questions = lines(e.target.value)))}></textarea></div>
      <div class="field"><label for="hk-c${i}-resources">${t('hackathon.console.cResources')}</label>
        <textarea id="hk-c${i}-resources" rows="3" .value=${live((c.resources ?? []).map((r) => [r.name, r.url ?? '', r.description ?? ''].join(' | ')).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].resources = lines(e.target.value).map((l) => {
            const [name, url, ...rest] = l.split('|').map((s) => s.trim());
            return { name, url: url || undefined, description: rest.join(' | ') || undefined };
          })))}></textarea></div>
      <div class="field field--inline"><label for="hk-c${i}-capacity">${t('hackathon.console.cCapacity')}</label>
        <input id="hk-c${i}-capacity" type="number" min="1" max="50" .value=${live(c.capacity ? String(c.capacity) : '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].capacity = e.target.value ? Number(e.target.value) : null))} /></div>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${k.challenges.length <= 1}
        @click=${() => this._editKit((x) => x.challenges.splice(i, 1))}>${t('hackathon.console.remove')}</button>
    </fieldset>`;
    const criterion = (c, i) => html`<fieldset data-testid="hk-edit-criterion-${i}">
      <legend>${t('hackathon.console.criterionN', { n: i + 1 })}</legend>
      <div class="field"><label for="hk-r${i}-label">${t('hackathon.console.rLabel')}</label>
        <input id="hk-r${i}-label" type="text" maxlength="80" .value=${live(c.label ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].label = e.target.value))} /></div>
      <div class="field"><label for="hk-r${i}-id">${t('hackathon.console.cId')}</label>
        <input id="hk-r${i}-id" type="text" maxlength="60" .value=${live(c.id ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].id = e.target.value))} /></div>
      <div class="field field--inline"><label for="hk-r${i}-weight">${t('hackathon.console.rWeight')}</label>
        <input id="hk-r${i}-weight" type="number" min="1" max="10" data-testid="hk-edit-criterion-${i}-weight" .value=${live(String(c.weight ?? 1))}
          @input=${(e) => this._editKit((x) => (x.rubric[i].weight = Number(e.target.value)))} /></div>
      <div class="field"><label for="hk-r${i}-description">${t('hackathon.console.rDescription')}</label>
        <textarea id="hk-r${i}-description" rows="2" maxlength="400" .value=${live(c.description ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].description = e.target.value))}></textarea></div>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${k.rubric.length <= 1}
        @click=${() => this._editKit((x) => x.rubric.splice(i, 1))}>${t('hackathon.console.remove')}</button>
    </fieldset>`;
    return html`<div class="hk-editor" data-testid="hk-editor">
      <details ?open=${this._libraryState === 'imported'}>
        <summary>${t('hackathon.console.editChallenges')} (${k.challenges.length})</summary>
        ${k.challenges.map(challenge)}
        <button type="button" class="btn btn--secondary btn--small" data-testid="hk-add-challenge"
          @click=${() => this._editKit((x) => x.challenges.push(blankChallenge(x.challenges.length + 1)))}>${t('hackathon.console.addChallenge')}</button>
      </details>
      <details>
        <summary>${t('hackathon.console.editRubric')} (${k.rubric.length})</summary>
        ${k.rubric.map(criterion)}
        <button type="button" class="btn btn--secondary btn--small" data-testid="hk-add-criterion"
          @click=${() => this._editKit((x) => x.rubric.push({ id: `critere-${x.rubric.length + 1}`, label: '', weight: 1 }))}>${t('hackathon.console.addCriterion')}</button>
      </details>
    </div>`;
  }

  _renderSettings() {
    const s = this._settings ?? {};
    const set = (key, value) => (this._settings = { ...this._settings, [key]: value });
    const number = (key, min, max) => html`<div class="field field--inline">
      <label for="hk-s-${key}">${t(`hackathon.settings.${key}`)}</label>
      <input id="hk-s-${key}" type="number" min=${min} max=${max} inputmode="numeric" data-testid="hk-setting-${key}"
        .value=${live(s[key] === null || s[key] === undefined ? '' : String(s[key]))} @input=${(e) => set(key, e.target.value)} />
    </div>`;
    return html`<details class="hk-editor" data-testid="hk-settings">
      <summary>${t('hackathon.settings.title')}</summary>
      ${number('teamSize', 1, 12)}
      <label class="row"><input type="checkbox" .checked=${s.selfTeams !== false} @change=${(e) => set('selfTeams', e.target.checked)} />
        ${t('hackathon.settings.selfTeams')}</label>
      ${number('understandMinutes', 0, 480)} ${number('imagineMinutes', 0, 480)} ${number('buildMinutes', 0, 480)}
      ${number('voteMinutes', 0, 480)} ${number('pitchSeconds', 30, 1800)} ${number('dots', 1, 10)}
      <label class="row"><input type="checkbox" .checked=${s.publicVote !== false} @change=${(e) => set('publicVote', e.target.checked)} />
        ${t('hackathon.settings.publicVote')}</label>
    </details>`;
  }

  _renderJury(a) {
    const seats = a.jury ?? [];
    const links = this._links ?? {};
    return html`<section class="panel" data-testid="hk-jury">
      <h3 class="panel__title">${t('hackathon.jury.title')}</h3>
      <p class="hint">${t('hackathon.jury.hint')}</p>
      ${a.stage !== 'RESULTS'
        ? html`<form class="input-row" @submit=${this._invite}>
            <label class="visually-hidden" for="hk-jury-label">${t('hackathon.jury.label')}</label>
            <input id="hk-jury-label" type="text" maxlength="40" placeholder=${t('hackathon.jury.label')} data-testid="hk-jury-label"
              .value=${live(this._juryLabel)} @input=${(e) => (this._juryLabel = e.target.value)} />
            <button type="submit" class="btn btn--primary" data-testid="hk-jury-create">${t('hackathon.jury.create')}</button>
          </form>`
        : nothing}
      <ul class="stack" role="list">
        ${seats.map((s) => html`<li data-testid="hk-seat-${s.id}">
          <strong>${s.label}</strong> — <span data-testid="hk-seat-${s.id}-holder">${s.holder ? t('hackathon.jury.heldBy', { name: s.holder }) : t('hackathon.jury.free')}</span>
          <span class="muted">· ${tn('hackathon.ballots', s.ballots)}</span>
          ${links[s.id]
            ? html`<div class="input-row">
                <label class="visually-hidden" for="hk-link-${s.id}">${t('hackathon.jury.link')}</label>
                <input id="hk-link-${s.id}" class="hk-link" type="text" readonly .value=${this._juryUrl(links[s.id])} data-testid="hk-jury-link-${s.id}" />
                <button type="button" class="btn btn--secondary btn--small"
                  @click=${(e) => copyText(this._juryUrl(links[s.id]), e.target.previousElementSibling)}>${t('console.copy')}</button>
              </div>`
            : html`<p class="hint">${t('hackathon.jury.linkElsewhere')}</p>`}
          ${a.stage !== 'RESULTS'
            ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="hk-seat-${s.id}-revoke"
                @click=${() => this._run({ type: 'hackathon.revokeJury', seatId: s.id })}>${t('hackathon.jury.revoke')}</button>`
            : nothing}
        </li>`)}
      </ul>
    </section>`;
  }

  _renderTeams(a, phase) {
    const people = (this.view?.participants ?? []).filter((p) => p.active);
    const jurors = new Set((a.jury ?? []).map((j) => j.holderId).filter(Boolean));
    const teamOf = new Map();
    for (const team of a.teams) for (const m of team.people ?? []) teamOf.set(m.id, team.id);
    const open = a.stage !== 'PITCH' && a.stage !== 'VOTE' && a.stage !== 'RESULTS';
    const create = async (event) => {
      event.preventDefault();
      const name = this._teamName.trim();
      if (name && (await this._run({ type: 'hackathon.createTeam', name }))) this._teamName = '';
    };
    return html`<section class="panel" data-testid="hk-console-teams">
      <h3 class="panel__title">${t('hackathon.teams.title')} (${a.teams.length})</h3>
      <div class="hk-grid">
        ${a.teams.map((team) => html`<div class="hk-team" data-testid="hk-console-team-${team.id}">
          <h4>${team.name}</h4>
          <p class="hk-members">${team.members.join(', ') || t('hackathon.teams.empty')}</p>
          ${open && a.kit
            ? html`<label for="hk-ch-${team.id}" class="visually-hidden">${t('hackathon.challenge.label')}</label>
                <select id="hk-ch-${team.id}" data-testid="hk-console-challenge-${team.id}"
                  @change=${(e) => this._run({ type: 'hackathon.chooseChallenge', teamId: team.id, challengeId: e.target.value || null })}>
                  <option value="" ?selected=${!team.challengeId}>${t('hackathon.challenge.none')}</option>
                  ${a.kit.challenges.map((c) => html`<option value=${c.id} ?selected=${c.id === team.challengeId}>${c.title}</option>`)}
                </select>`
            : html`<p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')}</p>`}
          ${open && a.stage === 'TEAMS'
            ? html`<button type="button" class="btn btn--ghost btn--small" @click=${() => this._run({ type: 'hackathon.removeTeam', teamId: team.id })}>
                ${t('hackathon.console.removeTeam')}</button>`
            : nothing}
        </div>`)}
      </div>
      ${open
        ? html`<form class="input-row" @submit=${create}>
            <label class="visually-hidden" for="hk-console-team-name">${t('hackathon.teams.newName')}</label>
            <input id="hk-console-team-name" type="text" maxlength=${TEAM_NAME_MAX} placeholder=${t('hackathon.teams.newName')}
              data-testid="hk-console-team-name" .value=${live(this._teamName)} @input=${(e) => (this._teamName = e.target.value)} />
            <button type="submit" class="btn btn--secondary" data-testid="hk-console-create-team">${t('hackathon.teams.create')}</button>
          </form>`
        : nothing}
      ${a.stage === 'TEAMS' && phase === 'ACTIVITY'
        ? html`<div class="input-row">
            <label for="hk-team-count">${t('hackathon.console.teamCount')}</label>
            <input id="hk-team-count" type="number" min="1" max="50" data-testid="hk-team-count" .value=${live(this._teamCount)}
              @input=${(e) => (this._teamCount = e.target.value)} />
            <button type="button" class="btn btn--secondary" data-testid="hk-balance"
              @click=${() => this._run({ type: 'hackathon.balanceTeams', seed: seed(), teams: Number(this._teamCount) || null })}>
              ${t('hackathon.console.balance')}</button>
          </div>`
        : nothing}
      ${open && people.length
        ? html`<details><summary>${t('hackathon.console.people')} (${people.length})</summary>
            <ul class="people">
              ${people.map((p) => html`<li class="people__item">
                <label for="hk-move-${p.id}">${p.nickname}</label>
                ${jurors.has(p.id)
                  ? html` <span class="tag">${t('hackathon.jury.juror')}</span>`
                  : html`<select id="hk-move-${p.id}" data-testid="hk-move-${p.nickname}"
                      @change=${(e) => this._run({ type: 'hackathon.moveMember', participantId: p.id, teamId: e.target.value || null })}>
                      <option value="" ?selected=${!teamOf.has(p.id)}>${t('hackathon.console.noTeam')}</option>
                      ${a.teams.map((team) => html`<option value=${team.id} ?selected=${teamOf.get(p.id) === team.id}>${team.name}</option>`)}
                    </select>`}
              </li>`)}
            </ul></details>`
        : nothing}
    </section>`;
  }

  _renderPitchControls(a) {
    const p = a.pitch ?? { order: [], done: [] };
    const move = (i, delta) => {
      const order = [...p.order];
      const [x] = order.splice(i, 1);
      order.splice(i + delta, 0, x);
      this._run({ type: 'hackathon.pitchOrder', order });
    };
    return html`<section class="panel" data-testid="hk-pitch-controls">
      <h3 class="panel__title">${t('hackathon.pitch.order')}</h3>
      ${p.current && p.deadline && !p.timeUp ? html`<count-down .deadline=${p.deadline}></count-down>` : nothing}
      ${p.timeUp ? html`<p class="hk-timeup">${t('hackathon.pitch.timeUp')}</p>` : nothing}
      <ol class="hk-order">
        ${p.order.map((id, i) => html`<li aria-current=${id === p.current ? 'true' : 'false'} data-testid="hk-pitch-row-${id}">
          ${teamName(a, id)} ${p.done.includes(id) ? '✓' : ''}
          <span class="row">
            <button type="button" class="btn btn--primary btn--small" data-testid="hk-pitch-${id}"
              @click=${() => this._run({ type: 'hackathon.pitch', teamId: id })}>
              ${id === p.current ? t('hackathon.pitch.restart') : t('hackathon.pitch.start')}</button>
            <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === 0} aria-label=${t('hackathon.pitch.up', { team: teamName(a, id) })}
              @click=${() => move(i, -1)}>↑</button>
            <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === p.order.length - 1}
              aria-label=${t('hackathon.pitch.down', { team: teamName(a, id) })} @click=${() => move(i, 1)}>↓</button>
          </span>
        </li>`)}
      </ol>
      ${p.current
        ? html`<button type="button" class="btn btn--secondary" data-testid="hk-pitch-stop"
            @click=${() => this._run({ type: 'hackathon.pitch', teamId: null })}>${t('hackathon.pitch.stop')}</button>`
        : nothing}
    </section>`;
  }

  _renderWorkspaces(a) {
    return html`<section class="panel" data-testid="hk-workspaces">
      <h3 class="panel__title">${t('hackathon.console.workspaces')}</h3>
      ${a.teams.map((team) => {
        const ws = team.workspace;
        if (!ws) return nothing;
        return html`<details data-testid="hk-workspace-${team.id}">
          <summary><strong>${team.name}</strong> — ${t('hackathon.console.progress', { problem: team.progress.problem, solution: team.progress.solution, ideas: team.progress.ideas })}</summary>
          <dl class="hk-solution">
            ${[...PROBLEM, ...SOLUTION].filter((id) => ws.fields[id]?.text).map((id) => html`<dt>${fieldLabel(id)}</dt><dd>${ws.fields[id].text}</dd>`)}
          </dl>
          ${ws.ideas.length ? html`<h4>${t('hackathon.ideas.title')}</h4><ul>${ws.ideas.map((i) => html`<li>${i.text} — ${i.by} (● ${i.dots})</li>`)}</ul>` : nothing}
        </details>`;
      })}
    </section>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Synthesis

/** Synthesis: the prizes, then a printable dossier of every project (one page per team). */
class HackathonSynthesis extends LightElement {
  static properties = { results: { attribute: false } };

  constructor() {
    super();
    this.results = null;
    ensureStyles();
  }

  render() {
    const r = this.results;
    if (!r?.teams) return html`<p class="muted">${t('hackathon.synthesis.none')}</p>`;
    const name = (id) => r.teams.find((x) => x.id === id)?.name ?? id;
    const rubric = r.rubric ?? [];
    return html`<div class="stack" data-testid="hk-synthesis">
      <p>${r.kitTitle ?? ''}</p>
      <div class="hk-grid">
        <div class="hk-prize" data-testid="synth-hk-prize-jury"><h3>★ ${t('hackathon.results.juryPrize')}</h3>
          <p>${r.juryPrize?.length ? r.juryPrize.map(name).join(' · ') : t('hackathon.results.noVote')}</p></div>
        <div class="hk-prize" data-testid="synth-hk-prize-public"><h3>★ ${t('hackathon.results.publicPrize')}</h3>
          <p>${r.publicPrize?.length ? r.publicPrize.map(name).join(' · ') : t('hackathon.results.noVote')}</p></div>
      </div>
      <p class="muted">${t('hackathon.synthesis.counts', { teams: r.teams.length, jury: r.juryBallots ?? 0, public: r.publicBallots ?? 0 })}
        ${r.jury?.length ? html` · ${t('hackathon.synthesis.jurors', { names: r.jury.join(', ') })}` : nothing}</p>
      <table class="hk-table" data-testid="synth-hk-challenges">
        <caption>${t('hackathon.synthesis.challenges')}</caption>
        <thead><tr><th scope="col">${t('hackathon.synthesis.challenge')}</th><th scope="col" class="num">${t('hackathon.synthesis.teams')}</th></tr></thead>
        <tbody>${(r.challenges ?? []).map((c) => html`<tr><th scope="row">${c.title}</th><td class="num">${c.teams}</td></tr>`)}</tbody>
      </table>
      <h3>${t('hackathon.synthesis.dossier')}</h3>
      ${r.teams.map((team, i) => html`<article class="hk-dossier" data-testid="synth-hk-team-${i}">
        <p class="kicker">${t('hackathon.synthesis.project', { n: i + 1 })} · ${team.challengeTitle ?? t('hackathon.challenge.none')}</p>
        <h3 data-testid="synth-hk-team-${i}-name">${this._field(team.solution, 'name') || team.name}</h3>
        <p>${team.juryPrize ? html`<span class="hk-badge">★ ${t('hackathon.results.juryPrize')}</span>` : nothing}
          ${team.publicPrize ? html`<span class="hk-badge">★ ${t('hackathon.results.publicPrize')}</span>` : nothing}
          <strong>${team.name}</strong> — ${team.members.join(', ')}</p>
        <section>
          <h4>${t('hackathon.canvas.solution')}</h4>
          ${this._fields(team.solution, `synth-hk-team-${i}-solution`)}
        </section>
        <section>
          <h4>${t('hackathon.canvas.problem')}</h4>
          ${this._fields(team.problem, `synth-hk-team-${i}-problem`)}
        </section>
        <section>
          <h4>${t('hackathon.ideas.title')} (${team.ideas.length})</h4>
          ${team.ideas.length
            ? html`<ol>${team.ideas.map((idea) => html`<li>${idea.text} <span class="muted">— ${idea.author} · ● ${idea.dots}</span></li>`)}</ol>`
            : html`<p class="muted">${t('hackathon.ideas.none')}</p>`}
        </section>
        <section>
          <h4>${t('hackathon.synthesis.scores')}</h4>
          <table class="hk-table" data-testid="synth-hk-team-${i}-scores">
            <thead><tr><th scope="col">${t('hackathon.synthesis.criterion')}</th><th scope="col" class="num">${t('hackathon.synthesis.weight')}</th>
              <th scope="col" class="num">${t('hackathon.results.jury')}</th><th scope="col" class="num">${t('hackathon.results.public')}</th></tr></thead>
            <tbody>
              ${rubric.map((c) => html`<tr><th scope="row">${c.label}</th><td class="num">${c.weight}</td>
                <td class="num">${this._num(team.jury?.criteria?.[c.id])}</td><td class="num">${this._num(team.public?.criteria?.[c.id])}</td></tr>`)}
              <tr><th scope="row">${t('hackathon.synthesis.total')}</th><td></td>
                <td class="num"><strong>${this._num(team.jury?.total)}</strong> <span class="muted">(${tn('hackathon.ballots', team.jury?.ballots ?? 0)})</span></td>
                <td class="num"><strong>${this._num(team.public?.total)}</strong> <span class="muted">(${tn('hackathon.ballots', team.public?.ballots ?? 0)})</span></td></tr>
            </tbody>
          </table>
        </section>
      </article>`)}
    </div>`;
  }

  _num(v) {
    return v === undefined || v === null ? '—' : formatNumber(v, 2);
  }

  _field(fields, id) {
    return (fields ?? []).find((f) => f.id === id)?.text ?? '';
  }

  _fields(fields, testid) {
    const filled = (fields ?? []).filter((f) => f.text);
    if (!filled.length) return html`<p class="muted">${t('hackathon.solution.empty')}</p>`;
    return html`<dl class="hk-solution" data-testid=${testid}>
      ${filled.map((f) => html`<dt>${fieldLabel(f.id)}</dt><dd>${f.text}</dd>`)}
    </dl>`;
  }
}

customElements.define('hackathon-phone', HackathonPhone);
customElements.define('hackathon-screen', HackathonScreen);
customElements.define('hackathon-console', HackathonConsole);
customElements.define('hackathon-synthesis', HackathonSynthesis);
