// "Challenge numérique": the team quiz. Phones choose a team and answer for it (teammates see the
// team's answer live, with who changed it last); the projector shows questions, countdowns,
// reveals, the progress board and the podium; the console picks a bank, sets the game up and
// drives it. Scores come from the server; nothing here computes them.
import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { styleProps } from '../components/style-props.js';
import '../components/bar-chart.js';
import '../components/count-down.js';
import { t, tn, formatNumber } from '../i18n/index.js';
import { api } from '../util.js';

const TEAM_NAME_MAX = 30;
const TEXT_MAX = 200;
const letter = (i) => String.fromCharCode(65 + i);

// The quiz's own styles. Constructed stylesheets are not inline styles for the CSP (style-src 'self').
const SHEET = `
.quiz-stack > * + * { margin-top: 1rem; }
.quiz-teams { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); margin: 0; padding: 0; list-style: none; }
.quiz-team { border: 2px solid var(--border); border-radius: var(--radius); padding: 0.75rem 1rem; background: var(--surface); }
.quiz-team--mine { border-color: var(--primary); box-shadow: 0 0 0 2px var(--primary-soft); }
.quiz-team__name { font-weight: 800; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.quiz-team__members { margin: 0 0 0.5rem; padding: 0; list-style: none; color: var(--muted); }
.quiz-team__members li { display: inline; }
.quiz-team__members li + li::before { content: " · "; }
.quiz-team .row { margin-top: 0.5rem; }
.quiz-meta { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.75rem; }
.quiz-meta .countdown { margin: 0; }
.quiz-kicker { font-weight: 700; color: var(--muted); margin: 0; }
.quiz-image { display: block; max-width: 100%; max-height: 40vh; margin: 0.5rem auto 1rem; border-radius: var(--radius-small); }
.quiz-team-answer { border-left: 6px solid var(--primary); background: var(--primary-soft); border-radius: var(--radius-small); padding: 0.6rem 0.9rem; margin: 1rem 0; }
.quiz-team-answer strong { overflow-wrap: anywhere; }
.quiz-team-answer--none { border-left-color: var(--border); background: var(--bg); }
.quiz-field { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: stretch; }
.quiz-field input { flex: 1 1 10rem; min-width: 0; font-size: 1.2rem; padding: 0.6rem 0.75rem; border: 2px solid var(--border); border-radius: var(--radius-small); }
.quiz-truth { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
.quiz-explain { background: var(--accent-soft); border-radius: var(--radius-small); padding: 0.75rem 1rem; margin: 1rem 0; }
.quiz-explain p:last-child { margin-bottom: 0; }
.quiz-right { font-size: 1.15em; font-weight: 800; color: var(--success); overflow-wrap: anywhere; }
.quiz-source { overflow-wrap: anywhere; }
.quiz-nav { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.quiz-nav button { min-width: 2.6rem; min-height: 2.6rem; border-radius: 999px; border: 2px solid var(--border); background: var(--surface); font-weight: 700; cursor: pointer; }
.quiz-nav button[aria-current="true"] { border-color: var(--primary); background: var(--primary); color: #fff; }
.quiz-nav .quiz-nav--done { border-color: var(--success); }
.quiz-nav .quiz-nav--done::after { content: " ✓"; color: var(--success); }
.quiz-nav button[aria-current="true"].quiz-nav--done::after { color: #fff; }
.quiz-progress { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
.quiz-progress__row { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr auto; gap: 1rem; align-items: center; }
.quiz-progress__name { font-weight: 800; overflow-wrap: anywhere; }
.quiz-progress__track { height: 1.2em; background: var(--primary-soft); border-radius: 999px; overflow: hidden; }
.quiz-progress__fill { display: block; height: 100%; width: 0; background: var(--primary); border-radius: 999px; transition: width 0.4s ease; }
.quiz-progress__value { font-weight: 800; font-variant-numeric: tabular-nums; }
.quiz-board { width: 100%; border-collapse: collapse; }
.quiz-board th, .quiz-board td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
.quiz-board td.num, .quiz-board th.num { text-align: right; font-variant-numeric: tabular-nums; }
.quiz-board tr.quiz-board--mine td { background: var(--primary-soft); font-weight: 700; }
.quiz-podium { display: flex; align-items: flex-end; justify-content: center; gap: 1.5rem; margin: 1rem 0 2rem; padding: 0; list-style: none; }
.quiz-podium__place { display: flex; flex-direction: column; align-items: center; width: min(28vw, 18rem); text-align: center; }
.quiz-podium__name { font-weight: 800; font-size: 1.3em; overflow-wrap: anywhere; }
.quiz-podium__score { font-variant-numeric: tabular-nums; margin-bottom: 0.5rem; }
.quiz-podium__block { width: 100%; border-radius: var(--radius) var(--radius) 0 0; color: #fff; font-size: 2.2em; font-weight: 900; display: flex; align-items: flex-start; justify-content: center; padding-top: 0.5rem; }
.quiz-podium__place--1 .quiz-podium__block { height: 12rem; background: #c9962b; }
.quiz-podium__place--2 .quiz-podium__block { height: 8.5rem; background: #7d8a9c; }
.quiz-podium__place--3 .quiz-podium__block { height: 6rem; background: #a0643a; }
.quiz-trophy { display: block; width: 7rem; height: 7rem; margin: 0 auto 0.5rem; }
.page-screen .quiz-trophy { width: 9rem; height: 9rem; animation: pop-in 0.6s ease-out both; }
.quiz-phone-rank { text-align: center; }
.quiz-phone-rank .quiz-trophy { width: 4.5rem; height: 4.5rem; }
.quiz-list { margin: 0; padding: 0; list-style: none; }
.quiz-list > li { padding: 0.5rem 0; border-bottom: 1px solid var(--border); }
.quiz-ok { color: var(--success); font-weight: 800; }
.quiz-ko { color: var(--danger); font-weight: 800; }
.quiz-partial { color: var(--accent-text); font-weight: 800; }
.quiz-problems { margin: 0.5rem 0 0; padding-left: 1.25rem; list-style: disc; color: var(--danger); }
.quiz-settings { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); align-items: end; }
.quiz-settings fieldset { border: 0; margin: 0; padding: 0; }
.quiz-check { display: flex; gap: 0.5rem; align-items: center; }
.quiz-bank-item { display: flex; gap: 1rem; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.quiz-flow { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.75rem 0; }
.quiz-screen-choices { display: grid; gap: 0.6rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); margin: 0 0 1rem; padding: 0; list-style: none; }
.quiz-screen-hint { font-size: 1.3em; color: var(--muted); }
.quiz-big-clock { font-size: 3em; text-align: center; margin: 0.5rem 0 1.5rem; }
.quiz-big-clock .countdown { font-size: 1em; justify-content: center; }
.quiz-split { display: grid; gap: 2rem; }
@media (min-width: 1100px) { .quiz-split--2 { grid-template-columns: 3fr 2fr; } }
`;
if ('adoptedStyleSheets' in Document.prototype) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHEET);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    /* an old browser: the quiz stays usable with the shared styles */
  }
}

const TROPHY = html`<svg class="quiz-trophy" viewBox="0 0 64 64" role="img" aria-label="${t('quiz.trophy')}" data-testid="trophy">
  <path d="M18 6h28v14c0 9-6 16-14 16s-14-7-14-16V6z" fill="#e9b53b" stroke="#8a6212" stroke-width="2" />
  <path d="M18 10H8v4c0 7 5 12 11 12M46 10h10v4c0 7-5 12-11 12" fill="none" stroke="#8a6212" stroke-width="3" />
  <rect x="28" y="36" width="8" height="10" fill="#c9962b" stroke="#8a6212" stroke-width="2" />
  <rect x="18" y="46" width="28" height="8" rx="2" fill="#7a4a00" />
  <path d="M32 12l2.5 5 5.5.8-4 3.9.9 5.5-4.9-2.6-4.9 2.6.9-5.5-4-3.9 5.5-.8z" fill="#fff6d6" />
</svg>`;

// ---- shared helpers -------------------------------------------------------------------------------

function typeHint(type) {
  return t(`quiz.type.${type}`);
}

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function sameSiteOrHttp(url) {
  return typeof url === 'string' && (/^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//')));
}

function seconds(ms) {
  return formatNumber((ms ?? 0) / 1000, 1);
}

function rankLabel(rank) {
  return t(rank === 1 ? 'quiz.rank.first' : 'quiz.rank.other', { n: rank });
}

function answerBars(reveal, mineKeys = []) {
  return (reveal?.distribution ?? []).map((b) => ({
    label: b.label,
    value: b.count,
    correct: b.right,
    mine: mineKeys.includes(b.key),
  }));
}

/** Distribution keys matching a team answer, to mark "our choice" in the bars. */
function keysOf(value) {
  if (!value) return [];
  if (value.choices) return value.choices;
  if (value.truth !== undefined && value.truth !== null) return [String(value.truth)];
  return [];
}

function renderImage(q) {
  if (!q?.image || !sameSiteOrHttp(q.image)) return nothing;
  return html`<img class="quiz-image" src=${q.image} alt=${t('quiz.imageAlt')} data-testid="quiz-image" />`;
}

function renderExplanation(reveal, large = false) {
  if (!reveal) return nothing;
  const url = safeUrl(reveal.source?.url);
  return html`<div class="quiz-explain" data-testid="quiz-explanation">
    <p><span class="quiz-kicker">${t('quiz.rightAnswer')}</span><br /><span class="quiz-right" data-testid="quiz-right-answer">${reveal.rightLabel}</span></p>
    ${reveal.explanation ? html`<p>${reveal.explanation}</p>` : nothing}
    ${reveal.source
      ? html`<p class="quiz-source" data-testid="quiz-source">${t('quiz.source')}
          ${url && !large
            ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${reveal.source.name ?? url}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>`
            : html`<strong>${reveal.source.name ?? ''}</strong>${url ? html` — ${url}` : nothing}`}
        </p>`
      : nothing}
  </div>`;
}

function renderResult(result) {
  if (!result) return nothing;
  if (result.right) {
    return html`<p class="verdict verdict--right" data-testid="quiz-verdict" data-right="true">${t('quiz.verdict.right', { points: formatNumber(result.points) })}</p>`;
  }
  if (result.partial) {
    return html`<p class="verdict" data-testid="quiz-verdict" data-right="partial">${t('quiz.verdict.partial', { points: formatNumber(result.points) })}</p>`;
  }
  return html`<p class="verdict verdict--wrong" data-testid="quiz-verdict" data-right="false">${t('quiz.verdict.wrong')}</p>`;
}

function renderBoard(rows, { myTeam = null, testid = 'quiz-scoreboard', caption = null, withTime = false, compact = false } = {}) {
  if (!rows?.length) return nothing;
  return html`<table class="quiz-board" data-testid=${testid}>
    ${caption ? html`<caption class="visually-hidden">${caption}</caption>` : nothing}
    <thead><tr>
      <th scope="col" class="num">${t('quiz.board.rank')}</th>
      <th scope="col">${t('quiz.board.team')}</th>
      <th scope="col" class="num">${t('quiz.board.points')}</th>
      ${compact ? nothing : html`<th scope="col" class="num">${t('quiz.board.right')}</th>`}
      ${withTime ? html`<th scope="col" class="num">${t('quiz.board.time')}</th>` : nothing}
    </tr></thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr class=${r.teamId === myTeam ? 'quiz-board--mine' : ''} data-testid="${testid}-row" data-team=${r.teamId}>
          <td class="num">${r.rank}</td>
          <td>${r.name}</td>
          <td class="num" data-testid="${testid}-score">${formatNumber(r.score)}</td>
          ${compact ? nothing : html`<td class="num">${formatNumber(r.right)}</td>`}
          ${withTime ? html`<td class="num">${seconds(r.timeMs)} s</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderPodium(ranking) {
  if (!ranking?.length) return html`<p class="screen-lead">${t('quiz.end.noTeams')}</p>`;
  const top = ranking.filter((r) => r.rank <= 3).slice(0, 3);
  const order = [top[1], top[0], top[2]].filter(Boolean);
  return html`<ol class="quiz-podium" data-testid="quiz-podium">
    ${order.map(
      (r) => html`<li class="quiz-podium__place quiz-podium__place--${Math.min(3, r.rank)}" data-testid="quiz-podium-${r.rank}">
        ${r.rank === 1 ? TROPHY : nothing}
        <span class="quiz-podium__name">${r.name}</span>
        <span class="quiz-podium__score">${tn('quiz.points', r.score)}</span>
        <span class="quiz-podium__block" aria-hidden="true">${r.rank}</span>
        <span class="visually-hidden">${rankLabel(r.rank)}</span>
      </li>`,
    )}
  </ol>`;
}

function renderProgress(progress, total) {
  return html`<ol class="quiz-progress" data-testid="quiz-progress">
    ${(progress ?? []).map((p) => {
      const pct = total ? Math.round((100 * p.answered) / total) : 0;
      return html`<li class="quiz-progress__row" data-testid="quiz-progress-${p.teamId}" data-answered=${p.answered}>
        <span class="quiz-progress__name">${p.name}${p.submittedAt ? html` <span class="tag tag--correct">${t('quiz.submitted')}</span>` : nothing}</span>
        <span class="quiz-progress__track" aria-hidden="true"><span class="quiz-progress__fill" ${styleProps({ width: `${pct}%` })}></span></span>
        <span class="quiz-progress__value">${t('quiz.progress', { n: formatNumber(p.answered), total: formatNumber(total) })}</span>
      </li>`;
    })}
  </ol>`;
}

// ---- phone ----------------------------------------------------------------------------------------

/** Phone: choose or create a team, answer for it, see the team's answer live, the reveal, the podium. */
class QuizPhone extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _teamName: { state: true },
    _draft: { state: true },
    _state: { state: true },
    _message: { state: true },
    _index: { state: true },
    _confirmSubmit: { state: true },
    _pending: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._teamName = '';
    this._draft = null;
    this._state = 'idle';
    this._message = '';
    this._index = null;
    this._confirmSubmit = false;
    this._questionKey = null;
    this._pending = null;
  }

  willUpdate() {
    const q = this._question();
    const key = q ? `${this.activity?.stage}/${q.id}` : null;
    if (key !== this._questionKey) {
      this._questionKey = key;
      this._draft = null;
      this._pending = null;
      this._state = 'idle';
      this._message = '';
    }
  }

  _question() {
    const a = this.activity ?? {};
    if (a.stage !== 'PLAYING') return null;
    if (a.live) return a.live.question ?? null;
    const questions = a.challenge?.questions ?? [];
    if (!questions.length) return null;
    if (this._index === null || this._index >= questions.length) {
      const answers = a.challenge?.answers ?? {};
      const first = questions.findIndex((q) => !answers[q.id]);
      this._index = first < 0 ? 0 : first;
    }
    return questions[this._index];
  }

  _teamAnswer(q) {
    const a = this.activity ?? {};
    if (a.live) return a.live.teamAnswer ?? null;
    return a.challenge?.answers?.[q.id] ?? null;
  }

  async _do(command, okState = 'saved') {
    if (!this.send) return false;
    this._state = 'sending';
    this._message = '';
    try {
      await this.send(command);
      this._state = okState;
      return true;
    } catch (error) {
      this._state = 'error';
      this._message = error?.message || t('common.rejected');
      return false;
    }
  }

  async _createTeam(event) {
    event.preventDefault();
    const name = this._teamName.trim();
    if (!name) {
      this._state = 'error';
      this._message = t('quiz.team.nameMissing');
      return;
    }
    if (await this._do({ type: 'quiz.createTeam', name }, 'idle')) this._teamName = '';
  }

  _answer(q, fields) {
    this._pending = fields;
    this._do({ type: 'quiz.answer', questionId: q.id, ...fields }).finally(() => {
      this._pending = null;
    });
  }

  render() {
    const a = this.activity ?? {};
    const myTeam = (a.teams ?? []).find((team) => team.id === a.myTeam) ?? null;
    if (a.stage === 'FINISHED') return this._renderEnd(a);
    if (!a.bank) {
      return html`<section class="card card--center" data-testid="quiz-waiting"><p class="lead" role="status">${t('quiz.phone.noBank')}</p></section>`;
    }
    if (!myTeam) return this._renderTeamChoice(a);
    if (a.stage === 'SETUP') return this._renderMyTeam(a, myTeam);
    return a.live ? this._renderLive(a, myTeam) : this._renderChallenge(a, myTeam);
  }

  _renderStatus() {
    const text = this._state === 'sending' ? t('quiz.phone.sending') : this._state === 'error' ? this._message : this._state === 'saved' ? t('quiz.phone.saved') : '';
    return html`<p class="answer-status answer-status--${this._state}" role="status" aria-live="polite" data-testid="quiz-status">${text}</p>`;
  }

  _renderTeamChoice(a) {
    const teams = a.teams ?? [];
    return html`<section class="card quiz-stack" data-testid="quiz-team-choice">
      <h2 class="question">${t('quiz.phone.chooseTeam')}</h2>
      <p class="muted">${a.bank.title} · ${tn('quiz.questions', a.bank.questions)}</p>
      ${a.canChooseTeam
        ? html`${teams.length
              ? html`<ul class="quiz-teams">
                  ${teams.map(
                    (team) => html`<li class="quiz-team" data-testid="quiz-team-${team.id}">
                      <p class="quiz-team__name">${team.name}</p>
                      ${this._members(team)}
                      <button type="button" class="btn btn--primary btn--block" data-testid="quiz-join-${team.id}" ?disabled=${team.full}
                        @click=${() => this._do({ type: 'quiz.joinTeam', teamId: team.id }, 'idle')}>
                        ${team.full ? t('quiz.team.full') : t('quiz.team.join', { name: team.name })}
                      </button>
                    </li>`,
                  )}
                </ul>`
              : html`<p class="lead">${t('quiz.phone.noTeamYet')}</p>`}
            ${this._renderCreate()}`
        : html`<p class="lead" role="status" data-testid="quiz-wait-team">${t('quiz.phone.facilitatorTeams')}</p>`}
      ${this._renderStatus()}
    </section>`;
  }

  _members(team) {
    const members = team.members ?? [];
    if (!members.length) return html`<p class="quiz-team__members">${t('quiz.team.empty')}</p>`;
    const more = (team.size ?? members.length) - members.length;
    return html`<ul class="quiz-team__members" aria-label=${t('quiz.team.members')}>
      ${members.map((m) => html`<li>${m.nickname}${m.nickname === this.view?.me?.nickname ? html` (${t('quiz.me')})` : nothing}</li>`)}
      ${more > 0 ? html`<li>${t('quiz.team.more', { n: more })}</li>` : nothing}
    </ul>`;
  }

  _renderCreate() {
    return html`<form class="field" @submit=${this._createTeam} novalidate data-testid="quiz-create-team">
      <label for="quiz-team-name">${t('quiz.team.createLabel')}</label>
      <div class="input-row">
        <input id="quiz-team-name" type="text" maxlength=${TEAM_NAME_MAX} autocomplete="off" data-testid="quiz-team-name"
          .value=${this._teamName} @input=${(e) => (this._teamName = e.target.value)} />
        <button type="submit" class="btn btn--secondary" data-testid="quiz-create-team-button">${t('quiz.team.create')}</button>
      </div>
    </form>`;
  }

  _renderMyTeam(a, team) {
    return html`<section class="card quiz-stack" data-testid="quiz-my-team">
      <p class="quiz-kicker">${t('quiz.phone.yourTeam')}</p>
      <h2 class="question" data-testid="quiz-my-team-name">${team.name}</h2>
      ${this._members(team)}
      <p class="lead" role="status">${t('quiz.phone.waitStart', { title: a.bank.title })}</p>
      ${a.canChooseTeam
        ? html`<button type="button" class="btn btn--link" data-testid="quiz-leave-team"
            @click=${() => this._do({ type: 'quiz.leaveTeam' }, 'idle')}>${t('quiz.team.leave')}</button>`
        : nothing}
      ${this._renderStatus()}
    </section>`;
  }

  _renderLive(a, team) {
    const live = a.live ?? {};
    const q = live.question;
    if (!q) {
      return html`<section class="card card--center" data-testid="quiz-waiting">
        <p class="quiz-kicker">${team.name}</p>
        <p class="lead" role="status">${t('quiz.phone.firstQuestion')}</p>
      </section>`;
    }
    const revealed = live.status === 'REVEALED';
    const open = live.status === 'OPEN';
    const mine = (a.scoreboard ?? []).find((r) => r.teamId === team.id);
    return html`<section class="quiz-phone" aria-labelledby="quiz-question" data-testid="quiz-question" data-question=${q.id} data-status=${live.status}>
      <div class="quiz-meta">
        <span class="quiz-kicker">${t('quiz.questionOf', { n: live.asked, total: live.total })} · ${team.name}</span>
        ${open && live.deadline ? html`<count-down .deadline=${live.deadline}></count-down>` : nothing}
        ${live.status === 'LOCKED' ? html`<span class="badge badge--closed" data-testid="quiz-locked">${t('quiz.status.LOCKED')}</span>` : nothing}
      </div>
      ${renderImage(q)}
      <h2 id="quiz-question" class="question" data-testid="question-text">${q.text}</h2>
      ${revealed ? this._renderRevealed(live) : html`${this._renderWidget(q, open)} ${this._renderTeamAnswer(q)}`}
      ${this._renderStatus()}
      ${revealed && mine ? html`<p class="lead" data-testid="quiz-my-rank">${t('quiz.phone.rankNow', { rank: rankLabel(mine.rank), points: formatNumber(mine.score) })}</p>` : nothing}
    </section>`;
  }

  _renderRevealed(live) {
    return html`${renderResult(live.myResult)}
      ${live.teamAnswer ? html`<p>${t('quiz.phone.ourAnswer')} <strong data-testid="quiz-team-answer-label">${live.teamAnswer.label}</strong></p>` : nothing}
      ${renderExplanation(live.reveal)}
      <bar-chart .items=${answerBars(live.reveal, keysOf(live.teamAnswer?.value))} testid="quiz-reveal-bar"
        caption=${tn('quiz.teamsAnswered', live.reveal?.answered ?? 0)}></bar-chart>`;
  }

  _renderTeamAnswer(q) {
    const ta = this._teamAnswer(q);
    if (!ta) {
      return html`<div class="quiz-team-answer quiz-team-answer--none" role="status" aria-live="polite" data-testid="quiz-team-answer">
        ${t('quiz.phone.noTeamAnswer')}</div>`;
    }
    return html`<div class="quiz-team-answer" role="status" aria-live="polite" data-testid="quiz-team-answer" data-by=${ta.by}>
      ${t('quiz.phone.teamAnswer')} <strong data-testid="quiz-team-answer-label">${ta.label}</strong><br />
      <span class="muted" data-testid="quiz-team-answer-by">${ta.mine ? t('quiz.phone.changedByMe') : t('quiz.phone.changedBy', { name: ta.by })}</span>
    </div>`;
  }

  _renderWidget(q, open) {
    const ta = this._teamAnswer(q);
    const value = ta?.value ?? {};
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const chosen = this._pending?.choices ?? value.choices ?? [];
        const multiple = q.type === 'multiple';
        return html`${multiple ? html`<p class="hint" id="quiz-multi-hint">${t('quiz.phone.multipleHint')}</p>` : nothing}
          <div class="options" role="group" aria-labelledby="quiz-question" aria-describedby=${multiple ? 'quiz-multi-hint' : nothing}>
            ${q.choices.map((c, i) => {
              const on = chosen.includes(c.id);
              return html`<button type="button" class="option ${on ? 'option--selected' : ''}" aria-pressed=${on ? 'true' : 'false'}
                ?disabled=${!open} data-testid="quiz-choice-${c.id}"
                @click=${() => {
                  const next = multiple ? (on ? chosen.filter((x) => x !== c.id) : [...chosen, c.id]) : [c.id];
                  this._answer(q, { choices: next });
                }}>
                <span class="option__letter" aria-hidden="true">${letter(i)}</span>
                <span class="option__text">${c.text}</span>
                ${on ? html`<span class="option__check" aria-hidden="true">✓</span>` : nothing}
              </button>`;
            })}
          </div>`;
      }
      case 'truefalse': {
        const truth = this._pending ? this._pending.truth : value.truth;
        return html`<div class="quiz-truth" role="group" aria-labelledby="quiz-question">
          ${[true, false].map(
            (b) => html`<button type="button" class="option ${truth === b ? 'option--selected' : ''}" aria-pressed=${truth === b ? 'true' : 'false'}
              ?disabled=${!open} data-testid="quiz-truth-${b}" @click=${() => this._answer(q, { truth: b })}>
              <span class="option__text">${b ? t('quiz.true') : t('quiz.false')}</span>
            </button>`,
          )}
        </div>`;
      }
      case 'number':
      case 'text': {
        const number = q.type === 'number';
        const current = number ? (value.number ?? '') : (value.text ?? '');
        const draft = this._draft ?? String(current === '' ? '' : number ? String(current).replace('.', ',') : current);
        return html`<form class="quiz-field" novalidate @submit=${(e) => this._submitField(e, q, draft)}>
          <label class="visually-hidden" for="quiz-input">${number ? t('quiz.phone.numberLabel') : t('quiz.phone.textLabel')}</label>
          <input id="quiz-input" type="text" inputmode=${number ? 'decimal' : 'text'} autocomplete="off" maxlength=${TEXT_MAX}
            ?disabled=${!open} data-testid="quiz-input" .value=${draft} @input=${(e) => (this._draft = e.target.value)} />
          <button type="submit" class="btn btn--primary" ?disabled=${!open} data-testid="quiz-input-send">${t('quiz.phone.validate')}</button>
        </form>`;
      }
      default:
        return nothing;
    }
  }

  _submitField(event, q, draft) {
    event.preventDefault();
    const raw = String(draft ?? '').trim();
    if (q.type === 'number') {
      if (raw === '') {
        this._answer(q, {});
        return;
      }
      const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
      if (!Number.isFinite(n)) {
        this._state = 'error';
        this._message = t('quiz.phone.notANumber');
        return;
      }
      this._answer(q, { number: n });
    } else {
      this._answer(q, { text: raw });
    }
    this._draft = null;
  }

  _renderChallenge(a, team) {
    const c = a.challenge ?? {};
    const questions = c.questions ?? [];
    const q = this._question();
    const answers = c.answers ?? {};
    const answered = Object.keys(answers).length;
    if (c.submitted) {
      return html`<section class="card card--center" data-testid="quiz-submitted">
        <p class="quiz-kicker">${team.name}</p>
        <p class="lead" role="status">${t('quiz.phone.submittedWait', { n: answered, total: questions.length })}</p>
        ${c.deadline ? html`<count-down .deadline=${c.deadline}></count-down>` : nothing}
      </section>`;
    }
    if (!q) return nothing;
    const i = this._index;
    return html`<section class="quiz-phone" aria-labelledby="quiz-question" data-testid="quiz-question" data-question=${q.id} data-status="OPEN">
      <div class="quiz-meta">
        <span class="quiz-kicker">${team.name} · ${t('quiz.progress', { n: answered, total: questions.length })}</span>
        ${c.deadline ? html`<count-down .deadline=${c.deadline}></count-down>` : nothing}
      </div>
      <nav aria-label=${t('quiz.phone.navigation')}>
        <ol class="quiz-nav">
          ${questions.map(
            (x, k) => html`<li><button type="button" class=${answers[x.id] ? 'quiz-nav--done' : ''} aria-current=${k === i ? 'true' : 'false'}
              aria-label=${t('quiz.phone.goTo', { n: k + 1, state: answers[x.id] ? t('quiz.phone.answered') : t('quiz.phone.notAnswered') })}
              data-testid="quiz-nav-${k}" @click=${() => (this._index = k)}>${k + 1}</button></li>`,
          )}
        </ol>
      </nav>
      <p class="quiz-kicker">${t('quiz.questionOf', { n: i + 1, total: questions.length })} · ${typeHint(q.type)}</p>
      ${renderImage(q)}
      <h2 id="quiz-question" class="question" data-testid="question-text">${q.text}</h2>
      ${this._renderWidget(q, true)} ${this._renderTeamAnswer(q)} ${this._renderStatus()}
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="quiz-prev" ?disabled=${i === 0} @click=${() => (this._index = i - 1)}>${t('quiz.phone.prev')}</button>
        <button type="button" class="btn btn--secondary" data-testid="quiz-next" ?disabled=${i >= questions.length - 1}
          @click=${() => (this._index = i + 1)}>${answers[q.id] ? t('quiz.phone.next') : t('quiz.phone.skip')}</button>
      </div>
      ${this._confirmSubmit
        ? html`<div class="leave leave--confirm" role="group" aria-label=${t('quiz.phone.submitConfirm')}>
            <p>${t('quiz.phone.submitConfirm')} ${answered < questions.length ? t('quiz.phone.submitMissing', { n: questions.length - answered }) : ''}</p>
            <div class="row">
              <button type="button" class="btn btn--primary" data-testid="quiz-submit-confirm"
                @click=${() => this._do({ type: 'quiz.submit' }, 'idle').then(() => (this._confirmSubmit = false))}>${t('quiz.phone.submitYes')}</button>
              <button type="button" class="btn btn--secondary" @click=${() => (this._confirmSubmit = false)}>${t('common.cancel')}</button>
            </div>
          </div>`
        : html`<p class="leave"><button type="button" class="btn btn--link" data-testid="quiz-submit" @click=${() => (this._confirmSubmit = true)}>
            ${t('quiz.phone.submit')}</button></p>`}
    </section>`;
  }

  _renderEnd(a) {
    const end = a.end ?? {};
    const ranking = end.ranking ?? [];
    const mine = ranking.find((r) => r.teamId === a.myTeam);
    return html`<section class="quiz-stack" data-testid="quiz-end">
      <div class="card quiz-phone-rank" data-testid="quiz-my-result" data-rank=${mine?.rank ?? ''}>
        ${mine?.rank === 1 ? TROPHY : nothing}
        <h2 class="question">${mine ? t('quiz.phone.finalRank', { rank: rankLabel(mine.rank), total: ranking.length }) : t('quiz.end.title')}</h2>
        ${mine ? html`<p class="lead">${tn('quiz.points', mine.score)} · ${t('quiz.rightOf', { n: mine.right, total: end.debriefCount ?? 0 })}</p>` : nothing}
      </div>
      ${end.current ? this._renderDebriefItem(end.current) : nothing}
      <div class="card">
        <h3 class="panel__title">${t('quiz.end.ranking')}</h3>
        ${renderBoard(ranking, { myTeam: a.myTeam, testid: 'quiz-ranking', compact: true })}
      </div>
      ${end.mine?.length
        ? html`<div class="card">
            <h3 class="panel__title">${t('quiz.end.ourAnswers')}</h3>
            <ol class="quiz-list" data-testid="quiz-my-answers">
              ${end.mine.map(
                (m) => html`<li>
                  <details>
                    <summary><span class=${m.right ? 'quiz-ok' : 'quiz-ko'}>${m.right ? '✓' : '✗'}</span> ${m.index + 1}. ${m.text}</summary>
                    <p>${t('quiz.phone.ourAnswer')} <strong>${m.answer ?? t('quiz.noAnswer')}</strong> · ${tn('quiz.points', m.points)}</p>
                    <p>${t('quiz.rightAnswer')} <strong>${m.rightAnswer}</strong></p>
                  </details>
                </li>`,
              )}
            </ol>
          </div>`
        : nothing}
    </section>`;
  }

  _renderDebriefItem(item) {
    return html`<div class="card" data-testid="quiz-debrief">
      <p class="quiz-kicker">${t('quiz.debrief.title', { n: item.index + 1 })}</p>
      <h3 class="question">${item.question.text}</h3>
      ${renderResult(item.myResult)}
      ${item.myAnswer ? html`<p>${t('quiz.phone.ourAnswer')} <strong>${item.myAnswer.label}</strong></p>` : nothing}
      ${renderExplanation(item.reveal)}
    </div>`;
  }
}

// ---- projector ------------------------------------------------------------------------------------

/** Projector: teams, question with countdown, reveal, scoreboard, progress board, podium and debrief. */
class QuizScreen extends LightElement {
  static properties = { view: { attribute: false }, activity: { attribute: false } };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
  }

  render() {
    const a = this.activity ?? {};
    if (a.stage === 'FINISHED') return this._renderEnd(a);
    if (a.stage === 'PLAYING') return a.live ? this._renderLive(a) : this._renderChallenge(a);
    return this._renderSetup(a);
  }

  _teams(a) {
    const teams = a.teams ?? [];
    if (!teams.length) return html`<p class="screen-lead">${t('quiz.screen.noTeams')}</p>`;
    return html`<ul class="quiz-teams" data-testid="quiz-screen-teams">
      ${teams.map(
        (team) => html`<li class="quiz-team" data-testid="quiz-screen-team-${team.id}">
          <p class="quiz-team__name">${team.name} <span class="muted">(${formatNumber(team.size ?? team.members.length)})</span></p>
          <ul class="quiz-team__members">${team.members.map((m) => html`<li>${m.nickname}</li>`)}${(team.size ?? 0) > team.members.length
            ? html`<li>${t('quiz.team.more', { n: team.size - team.members.length })}</li>` : nothing}</ul>
        </li>`,
      )}
    </ul>`;
  }

  _renderSetup(a) {
    return html`<section class="screen-panel quiz-stack" data-testid="quiz-screen-setup">
      <h2 class="screen-question">${a.bank ? a.bank.title : t('quiz.title')}</h2>
      <p class="screen-lead">${a.bank ? html`${tn('quiz.questions', a.bank.questions)} · ${t(`quiz.pacing.${a.settings?.pacing ?? 'live'}`)}` : t('quiz.screen.soon')}</p>
      <p class="screen-lead">${a.settings?.selfTeams ? t('quiz.screen.joinTeam') : t('quiz.screen.teamsByFacilitator')}</p>
      ${this._teams(a)}
      ${a.unassignedCount ? html`<p class="screen-answered" data-testid="quiz-unassigned">${tn('quiz.unassigned', a.unassignedCount)}</p>` : nothing}
    </section>`;
  }

  _renderLive(a) {
    const live = a.live ?? {};
    const q = live.question;
    if (!q) {
      return html`<section class="screen-panel quiz-stack" data-testid="quiz-screen-ready">
        <h2 class="screen-question">${t('quiz.screen.ready')}</h2>
        ${this._teams(a)}
      </section>`;
    }
    const revealed = live.status === 'REVEALED';
    if (revealed && live.scoreboard) {
      return html`<section class="screen-panel" data-testid="quiz-screen-scoreboard">
        <h2 class="screen-question">${t('quiz.screen.scoreboard', { n: live.asked, total: live.total })}</h2>
        ${renderBoard(a.scoreboard, { testid: 'quiz-scoreboard' })}
      </section>`;
    }
    return html`<section class="screen-panel" data-testid="quiz-screen-question" data-question=${q.id} data-status=${live.status}>
      <div class="poll-screen__meta">
        <span class="badge badge--${live.status === 'OPEN' ? 'open' : live.status === 'LOCKED' ? 'closed' : 'revealed'}" data-testid="question-status">
          ${t(`quiz.status.${live.status}`)}</span>
        <span class="quiz-kicker">${t('quiz.questionOf', { n: live.asked, total: live.total })} · ${typeHint(q.type)}</span>
        ${live.status === 'OPEN' && live.deadline ? html`<count-down .deadline=${live.deadline}></count-down>` : nothing}
      </div>
      <div class="quiz-split ${revealed ? 'quiz-split--2' : ''}">
        <div>
          ${renderImage(q)}
          <h2 class="screen-question" data-testid="question-text">${q.text}</h2>
          ${revealed
            ? html`<bar-chart .items=${answerBars(live.reveal)} testid="quiz-reveal-bar" size="large"></bar-chart>`
            : q.choices
              ? html`<ol class="quiz-screen-choices">
                  ${q.choices.map(
                    (c, i) => html`<li class="screen-option"><span class="option__letter" aria-hidden="true">${letter(i)}</span><span>${c.text}</span></li>`,
                  )}
                </ol>`
              : html`<p class="quiz-screen-hint">${t(`quiz.screen.hint.${q.type}`)}</p>`}
          <p class="screen-answered" data-testid="answered-count" data-count=${live.answered ?? 0}>
            ${t('quiz.teamsAnsweredOf', { n: formatNumber(live.answered ?? 0), total: formatNumber(live.teamCount ?? 0) })}</p>
        </div>
        ${revealed ? html`<div>${renderExplanation(live.reveal, true)}</div>` : nothing}
      </div>
    </section>`;
  }

  _renderChallenge(a) {
    const c = a.challenge ?? {};
    return html`<section class="screen-panel" data-testid="quiz-screen-challenge">
      <h2 class="screen-question">${a.bank?.title ?? t('quiz.title')}</h2>
      ${c.deadline ? html`<div class="quiz-big-clock" data-testid="quiz-time-left"><count-down .deadline=${c.deadline}></count-down></div>` : nothing}
      ${renderProgress(c.progress, c.total)}
    </section>`;
  }

  _renderEnd(a) {
    const end = a.end ?? {};
    if (end.current) {
      const item = end.current;
      return html`<section class="screen-panel" data-testid="quiz-screen-debrief" data-index=${item.index}>
        <p class="quiz-kicker">${t('quiz.debrief.title', { n: item.index + 1 })} / ${end.debriefCount}</p>
        <div class="quiz-split quiz-split--2">
          <div>
            ${renderImage(item.question)}
            <h2 class="screen-question">${item.question.text}</h2>
            <bar-chart .items=${answerBars(item.reveal)} testid="quiz-debrief-bar" size="large"></bar-chart>
          </div>
          <div>${renderExplanation(item.reveal, true)}</div>
        </div>
      </section>`;
    }
    const rest = (end.ranking ?? []).filter((r) => r.rank > 3);
    return html`<section class="screen-panel" data-testid="quiz-screen-podium">
      <h2 class="screen-question">${t('quiz.end.title')}</h2>
      ${renderPodium(end.ranking)}
      ${rest.length ? renderBoard(rest, { testid: 'quiz-ranking-rest' }) : nothing}
    </section>`;
  }
}

// ---- console --------------------------------------------------------------------------------------

function randomSeed() {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  // A safe integer: JSON numbers beyond 2^53 would lose digits.
  return (words[0] & 0x1fffff) * 2 ** 32 + words[1];
}

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Console: bank, settings and teams before the start; the flow buttons during play; the debrief after. */
class QuizConsole extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _catalogue: { state: true },
    _libraryError: { state: true },
    _problems: { state: true },
    _importText: { state: true },
    _importKind: { state: true },
    _importNote: { state: true },
    _settings: { state: true },
    _teamName: { state: true },
    _teamCount: { state: true },
    _busy: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._catalogue = null;
    this._libraryError = '';
    this._problems = null;
    this._importText = '';
    this._importKind = 'yaml';
    this._importNote = '';
    this._settings = null;
    this._teamName = '';
    this._teamCount = 3;
    this._busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this._catalogue === null) {
      api('/api/formats/quiz/library').then(
        (items) => (this._catalogue = items),
        () => (this._libraryError = t('quiz.console.libraryError')),
      );
    }
  }

  willUpdate(changed) {
    if (changed.has('activity') && this.activity?.settings && (this._settings === null || this.activity.stage !== 'SETUP')) {
      this._settings = { ...this.activity.settings };
    }
  }

  _run(command) {
    return this.send ? this.send(command).catch(() => {}) : Promise.resolve();
  }

  async _useBank(id) {
    try {
      const bank = await api(`/api/formats/quiz/library/${encodeURIComponent(id)}`);
      await this.send({ type: 'quiz.useBank', bank });
      this._problems = null;
    } catch (error) {
      this._libraryError = error?.message || t('quiz.console.libraryError');
    }
  }

  async _pickFile(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    this._importKind = /\.csv$/i.test(file.name) ? 'csv' : 'yaml';
    this._importText = await file.text();
    this._importNote = t('quiz.console.fileLoaded', { name: file.name });
  }

  async _import(event) {
    event.preventDefault();
    if (!this._importText.trim()) {
      this._problems = [{ line: 0, message: t('quiz.console.importEmpty') }];
      return;
    }
    this._busy = true;
    this._problems = null;
    try {
      const response = await fetch(`/api/formats/quiz/library/parse?kind=${this._importKind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' },
        body: this._importText,
        cache: 'no-store',
      });
      const data = await response.json().catch(() => null);
      if (response.ok && data?.content) {
        await this.send({ type: 'quiz.useBank', bank: data.content });
        this._importText = '';
        this._importNote = t('quiz.console.imported', { title: data.content.title, n: data.content.questions.length });
      } else {
        this._problems = data?.problems ?? [{ line: 0, message: data?.error?.message ?? t('quiz.console.importFailed') }];
        this.updateComplete.then(() => this.querySelector('[data-testid="quiz-import-problems"]')?.focus());
      }
    } catch (error) {
      this._problems = [{ line: 0, message: error?.message || t('quiz.console.importFailed') }];
    } finally {
      this._busy = false;
    }
  }

  async _export(kind) {
    const bank = this.activity?.content;
    if (!bank) return;
    try {
      const response = await fetch(`/api/formats/quiz/library/export?kind=${kind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(bank),
        cache: 'no-store',
      });
      if (!response.ok) throw new Error();
      download(await response.text(), `${bank.id}.${kind === 'csv' ? 'csv' : 'yaml'}`, kind === 'csv' ? 'text/csv' : 'application/yaml');
    } catch {
      this._libraryError = t('quiz.console.exportFailed');
    }
  }

  _saveSettings(event) {
    event.preventDefault();
    const s = this._settings;
    const int = (v) => (v === '' || v === null || v === undefined ? null : Number(v));
    const settings = {
      pacing: s.pacing,
      secondsPerQuestion: int(s.secondsPerQuestion),
      timeLimitMinutes: int(s.timeLimitMinutes) ?? 30,
      speedBonus: Boolean(s.speedBonus),
      partialCredit: Boolean(s.partialCredit),
      teamSize: int(s.teamSize),
      selfTeams: Boolean(s.selfTeams),
    };
    this._run({ type: 'quiz.configure', settings });
  }

  _set(key, value) {
    this._settings = { ...this._settings, [key]: value };
  }

  render() {
    const a = this.activity ?? {};
    const phase = this.view?.session?.phase;
    if (a.stage === 'FINISHED') return this._renderEnd(a);
    if (a.stage === 'PLAYING') return a.live ? this._renderLive(a) : this._renderChallenge(a);
    return html`<div class="quiz-stack" data-testid="quiz-console-setup">
      ${this._renderBank(a)} ${this._renderSettings(a)} ${this._renderTeams(a)}
      <section class="panel">
        <h3 class="panel__title">${t('quiz.console.startTitle')}</h3>
        ${phase === 'LOBBY' ? html`<p class="notice">${t('quiz.console.startActivityFirst')}</p>` : nothing}
        ${a.unassignedCount ? html`<p class="hint">${tn('quiz.unassigned', a.unassignedCount)}</p>` : nothing}
        <button type="button" class="btn btn--primary" data-testid="quiz-start" ?disabled=${!a.bank || phase !== 'ACTIVITY'}
          @click=${() => this._run({ type: 'quiz.start' })}>${t('quiz.console.start')}</button>
      </section>
    </div>`;
  }

  _renderBank(a) {
    return html`<section class="panel" aria-labelledby="quiz-bank-title" data-testid="quiz-bank-panel">
      <h3 class="panel__title" id="quiz-bank-title">${t('quiz.console.bank')}</h3>
      ${a.bank
        ? html`<p data-testid="quiz-chosen-bank">${t('quiz.console.chosen')} <strong>${a.bank.title}</strong> (${tn('quiz.questions', a.bank.questions)})</p>
            <div class="row">
              <button type="button" class="btn btn--secondary btn--small" data-testid="quiz-export-yaml" @click=${() => this._export('yaml')}>${t('quiz.console.exportYaml')}</button>
              <button type="button" class="btn btn--secondary btn--small" data-testid="quiz-export-csv" @click=${() => this._export('csv')}>${t('quiz.console.exportCsv')}</button>
            </div>`
        : html`<p class="hint">${t('quiz.console.noBank')}</p>`}
      ${this._libraryError ? html`<p class="notice notice--error" role="alert">${this._libraryError}</p>` : nothing}
      <h4 class="panel__subtitle">${t('quiz.console.catalogue')}</h4>
      ${this._catalogue === null
        ? html`<p class="muted">${t('common.loading')}</p>`
        : html`<ul class="quiz-list" data-testid="quiz-catalogue">
            ${this._catalogue.map(
              (item) => html`<li class="quiz-bank-item">
                <span><strong>${item.title}</strong> · ${tn('quiz.questions', item.size)}<br /><span class="muted">${item.description ?? ''}</span></span>
                <button type="button" class="btn btn--secondary btn--small" data-testid="quiz-use-${item.id}" @click=${() => this._useBank(item.id)}>
                  ${t('quiz.console.use')}</button>
              </li>`,
            )}
          </ul>`}
      <h4 class="panel__subtitle">${t('quiz.console.import')}</h4>
      <form @submit=${this._import} novalidate data-testid="quiz-import">
        <p class="hint">${t('quiz.console.importHint')}</p>
        <div class="field">
          <label for="quiz-import-file">${t('quiz.console.importFile')}</label>
          <input id="quiz-import-file" type="file" accept=".yaml,.yml,.csv,text/csv,text/yaml" data-testid="quiz-import-file" @change=${this._pickFile} />
        </div>
        <div class="field">
          <label for="quiz-import-text">${t('quiz.console.importText')}</label>
          <textarea id="quiz-import-text" rows="4" data-testid="quiz-import-text" .value=${this._importText}
            @input=${(e) => (this._importText = e.target.value)}></textarea>
        </div>
        <div class="field field--inline">
          <label for="quiz-import-kind">${t('quiz.console.importKind')}</label>
          <select id="quiz-import-kind" data-testid="quiz-import-kind" .value=${this._importKind} @change=${(e) => (this._importKind = e.target.value)}>
            <option value="yaml">YAML</option>
            <option value="csv">CSV</option>
          </select>
        </div>
        <button type="submit" class="btn btn--primary" data-testid="quiz-import-submit" ?disabled=${this._busy}>${t('quiz.console.importSubmit')}</button>
        ${this._importNote ? html`<p class="hint" role="status">${this._importNote}</p>` : nothing}
        ${this._problems?.length
          ? html`<div class="notice notice--error" role="alert" tabindex="-1" data-testid="quiz-import-problems">
              <p>${tn('quiz.console.problems', this._problems.length)}</p>
              <ul class="quiz-problems">
                ${this._problems.map((p) => html`<li>${p.line ? t('quiz.console.line', { n: p.line }) : ''}${p.message}</li>`)}
              </ul>
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  _renderSettings(a) {
    const s = this._settings ?? a.settings ?? {};
    const live = s.pacing !== 'challenge';
    return html`<form class="panel" @submit=${this._saveSettings} novalidate data-testid="quiz-settings" aria-labelledby="quiz-settings-title">
      <h3 class="panel__title" id="quiz-settings-title">${t('quiz.console.settings')}</h3>
      <fieldset class="field">
        <legend>${t('quiz.console.pacing')}</legend>
        ${['live', 'challenge'].map(
          (p) => html`<label class="quiz-check"><input type="radio" name="quiz-pacing" value=${p} data-testid="quiz-pacing-${p}"
              .checked=${s.pacing === p} @change=${() => this._set('pacing', p)} /> ${t(`quiz.pacing.${p}`)}</label>
            <p class="hint">${t(`quiz.pacing.${p}.hint`)}</p>`,
        )}
      </fieldset>
      <div class="quiz-settings">
        ${live
          ? html`<div class="field"><label for="quiz-seconds">${t('quiz.console.seconds')}</label>
              <input id="quiz-seconds" type="number" min="5" max="600" inputmode="numeric" data-testid="quiz-seconds"
                .value=${s.secondsPerQuestion ?? ''} @input=${(e) => this._set('secondsPerQuestion', e.target.value)} />
              <span class="hint">${t('quiz.console.secondsHint')}</span></div>`
          : html`<div class="field"><label for="quiz-minutes">${t('quiz.console.minutes')}</label>
              <input id="quiz-minutes" type="number" min="1" max="240" inputmode="numeric" data-testid="quiz-minutes"
                .value=${s.timeLimitMinutes ?? ''} @input=${(e) => this._set('timeLimitMinutes', e.target.value)} /></div>`}
        <div class="field"><label for="quiz-team-size">${t('quiz.console.teamSize')}</label>
          <input id="quiz-team-size" type="number" min="1" max="100" inputmode="numeric" data-testid="quiz-team-size"
            .value=${s.teamSize ?? ''} @input=${(e) => this._set('teamSize', e.target.value)} />
          <span class="hint">${t('quiz.console.teamSizeHint')}</span></div>
        ${live
          ? html`<label class="quiz-check"><input type="checkbox" data-testid="quiz-speed-bonus" .checked=${Boolean(s.speedBonus)}
              @change=${(e) => this._set('speedBonus', e.target.checked)} /> ${t('quiz.console.speedBonus')}</label>`
          : nothing}
        <label class="quiz-check"><input type="checkbox" data-testid="quiz-partial" .checked=${Boolean(s.partialCredit)}
          @change=${(e) => this._set('partialCredit', e.target.checked)} /> ${t('quiz.console.partial')}</label>
        <label class="quiz-check"><input type="checkbox" data-testid="quiz-self-teams" .checked=${Boolean(s.selfTeams)}
          @change=${(e) => this._set('selfTeams', e.target.checked)} /> ${t('quiz.console.selfTeams')}</label>
      </div>
      <button type="submit" class="btn btn--secondary" data-testid="quiz-save-settings">${t('quiz.console.saveSettings')}</button>
    </form>`;
  }

  _moveSelect(person, current, teams) {
    return html`<label class="visually-hidden" for="quiz-move-${person.id}">${t('quiz.console.moveLabel', { name: person.nickname })}</label>
      <select id="quiz-move-${person.id}" data-testid="quiz-move-${person.id}"
        @change=${(e) => this._run({ type: 'quiz.moveMember', participantId: person.id, teamId: e.target.value || null })}>
        <option value="" ?selected=${!current}>${t('quiz.console.noTeam')}</option>
        ${teams.map((team) => html`<option value=${team.id} ?selected=${team.id === current}>${team.name}</option>`)}
      </select>`;
  }

  _renderTeams(a) {
    const teams = a.teams ?? [];
    const setup = a.stage === 'SETUP';
    return html`<section class="panel" aria-labelledby="quiz-teams-title" data-testid="quiz-teams-panel">
      <h3 class="panel__title" id="quiz-teams-title">${t('quiz.console.teams')} <span class="count-pill">${formatNumber(teams.length)}</span></h3>
      <form class="field" novalidate data-testid="quiz-console-create-team" @submit=${(e) => {
        e.preventDefault();
        const name = this._teamName.trim();
        if (name) this._run({ type: 'quiz.createTeam', name }).then(() => (this._teamName = ''));
      }}>
        <label for="quiz-console-team-name">${t('quiz.team.createLabel')}</label>
        <div class="input-row">
          <input id="quiz-console-team-name" type="text" maxlength=${TEAM_NAME_MAX} data-testid="quiz-console-team-name"
            .value=${this._teamName} @input=${(e) => (this._teamName = e.target.value)} />
          <button type="submit" class="btn btn--secondary" data-testid="quiz-console-create-team-button">${t('quiz.team.create')}</button>
        </div>
      </form>
      ${setup
        ? html`<div class="field field--inline">
            <label for="quiz-team-count">${t('quiz.console.balanceCount')}</label>
            <input id="quiz-team-count" type="number" min="1" max="50" data-testid="quiz-team-count" .value=${String(this._teamCount)}
              @input=${(e) => (this._teamCount = e.target.value)} />
            <button type="button" class="btn btn--secondary" data-testid="quiz-balance"
              @click=${() => this._run({ type: 'quiz.balanceTeams', seed: randomSeed(), teams: Number(this._teamCount) || undefined })}>
              ${t('quiz.console.balance')}</button>
          </div>
          <p class="hint">${t('quiz.console.balanceHint')}</p>`
        : nothing}
      <ul class="quiz-teams">
        ${teams.map(
          (team) => html`<li class="quiz-team" data-testid="quiz-console-team-${team.id}">
            <p class="quiz-team__name">${team.name}</p>
            <ul class="quiz-list">
              ${team.members.map(
                (m) => html`<li class="row">${m.nickname}${m.active === false ? html` <span class="muted">(${t('console.away')})</span>` : nothing}
                  ${this._moveSelect(m, team.id, teams)}</li>`,
              )}
            </ul>
            <div class="row">
              <button type="button" class="btn btn--ghost btn--small" data-testid="quiz-rename-${team.id}" @click=${() => {
                const name = prompt(t('quiz.console.renamePrompt'), team.name);
                if (name && name.trim()) this._run({ type: 'quiz.renameTeam', teamId: team.id, name: name.trim() });
              }}>${t('quiz.console.rename')}</button>
              ${setup
                ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="quiz-remove-${team.id}"
                    @click=${() => this._run({ type: 'quiz.removeTeam', teamId: team.id })}>${t('quiz.console.remove')}</button>`
                : nothing}
            </div>
          </li>`,
        )}
      </ul>
      ${(a.unassigned ?? []).length
        ? html`<h4 class="panel__subtitle">${t('quiz.console.unassigned')}</h4>
            <ul class="quiz-list" data-testid="quiz-unassigned-list">
              ${a.unassigned.map((p) => html`<li class="row">${p.nickname} ${this._moveSelect(p, null, teams)}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  _renderLive(a) {
    const live = a.live ?? {};
    const q = live.question;
    const status = live.status;
    const canShowNext = !q || status === 'REVEALED';
    return html`<div class="quiz-stack" data-testid="quiz-console-live">
      <section class="panel" aria-labelledby="quiz-current-title" data-testid="quiz-current" data-status=${status ?? 'NONE'}>
        <h3 class="panel__title" id="quiz-current-title">
          ${q ? t('quiz.questionOf', { n: live.asked, total: live.total }) : t('quiz.console.noQuestion')}
          ${status ? html`<span class="badge badge--${status === 'OPEN' ? 'open' : status === 'LOCKED' ? 'closed' : 'revealed'}" data-testid="question-status">${t(`quiz.status.${status}`)}</span>` : nothing}
        </h3>
        ${q
          ? html`<p class="question question--console" data-testid="question-text">${q.text}</p>
              ${status === 'OPEN' && live.deadline ? html`<count-down .deadline=${live.deadline}></count-down>` : nothing}
              <p class="count" data-testid="answered-count">${t('quiz.teamsAnsweredOf', { n: formatNumber(live.answered ?? 0), total: formatNumber(live.teamCount ?? 0) })}</p>
              <p>${t('quiz.console.expected')} <strong data-testid="quiz-console-right">${live.reveal?.rightLabel}</strong></p>
              <bar-chart .items=${answerBars(live.reveal)} testid="quiz-console-bar"></bar-chart>
              ${this._teamLines(live.teamAnswers)}`
          : nothing}
        <div class="quiz-flow">
          <button type="button" class="btn btn--primary" data-testid="quiz-show-next" ?disabled=${!canShowNext || live.asked >= live.total}
            @click=${() => this._run({ type: 'quiz.show' })}>${q ? t('quiz.console.next') : t('quiz.console.first')}</button>
          ${q
            ? html`<button type="button" class="btn btn--secondary" data-testid="quiz-lock" ?disabled=${status !== 'OPEN'}
                  @click=${() => this._run({ type: 'quiz.lock', questionId: q.id })}>${t('quiz.console.lock')}</button>
                <button type="button" class="btn btn--primary" data-testid="quiz-reveal" ?disabled=${status === 'REVEALED'}
                  @click=${() => this._run({ type: 'quiz.reveal', questionId: q.id })}>${t('quiz.console.reveal')}</button>
                <button type="button" class="btn btn--secondary" data-testid="quiz-scoreboard" ?disabled=${status !== 'REVEALED' || live.scoreboard}
                  @click=${() => this._run({ type: 'quiz.scoreboard' })}>${t('quiz.console.scoreboard')}</button>
                <button type="button" class="btn btn--ghost" data-testid="quiz-extend" ?disabled=${status !== 'OPEN' || !live.deadline}
                  @click=${() => this._run({ type: 'quiz.extend', seconds: 30 })}>${t('quiz.console.extend30')}</button>`
            : nothing}
          <button type="button" class="btn btn--danger" data-testid="quiz-finish" @click=${() => this._run({ type: 'quiz.finish' })}>
            ${t('quiz.console.finish')}</button>
        </div>
      </section>
      <section class="panel">
        <h3 class="panel__title">${t('quiz.console.scores')}</h3>
        <p class="hint">${t('quiz.console.scoresHint')}</p>
        ${renderBoard(a.provisional, { testid: 'quiz-provisional', withTime: true })}
      </section>
      ${this._questionList(a, canShowNext)} ${this._renderTeams(a)}
    </div>`;
  }

  _teamLines(lines) {
    if (!lines?.length) return nothing;
    return html`<table class="quiz-board" data-testid="quiz-team-answers">
      <thead><tr><th scope="col">${t('quiz.board.team')}</th><th scope="col">${t('quiz.console.answer')}</th>
        <th scope="col">${t('quiz.console.by')}</th><th scope="col" class="num">${t('quiz.board.points')}</th></tr></thead>
      <tbody>
        ${lines.map(
          (l) => html`<tr data-testid="quiz-team-answer-${l.teamId}">
            <td>${l.team}</td>
            <td>${l.label ?? html`<span class="muted">${t('quiz.noAnswer')}</span>`}
              ${l.label ? html` <span class=${l.right ? 'quiz-ok' : 'quiz-ko'}>${l.right ? '✓' : '✗'}</span>` : nothing}</td>
            <td>${l.by ?? ''}</td>
            <td class="num">${l.points ?? 0}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  _questionList(a, canShow) {
    const questions = a.questions ?? [];
    return html`<section class="panel">
      <h3 class="panel__title">${t('quiz.console.questions')}</h3>
      <ol class="quiz-list" data-testid="quiz-question-list">
        ${questions.map(
          (x) => html`<li class="quiz-bank-item">
            <span>${x.question.index + 1}. ${x.question.text}<br /><span class="muted">${typeHint(x.question.type)} · ${t('quiz.console.expected')} ${x.rightLabel}</span></span>
            ${x.status === 'WAITING' && a.live
              ? html`<button type="button" class="btn btn--ghost btn--small" ?disabled=${!canShow} data-testid="quiz-show-${x.question.index}"
                  @click=${() => this._run({ type: 'quiz.show', index: x.question.index })}>${t('quiz.console.showThis')}</button>`
              : html`<span class="badge">${t(`quiz.qstatus.${x.status}`)}</span>`}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  _renderChallenge(a) {
    const c = a.challenge ?? {};
    return html`<div class="quiz-stack" data-testid="quiz-console-challenge">
      <section class="panel">
        <h3 class="panel__title">${t('quiz.console.challenge')}</h3>
        ${c.deadline ? html`<count-down .deadline=${c.deadline}></count-down>` : nothing}
        ${renderProgress(c.progress, c.total)}
        <div class="quiz-flow">
          <button type="button" class="btn btn--secondary" data-testid="quiz-extend" @click=${() => this._run({ type: 'quiz.extend', seconds: 300 })}>
            ${t('quiz.console.extend5')}</button>
          <button type="button" class="btn btn--danger" data-testid="quiz-finish" @click=${() => this._run({ type: 'quiz.finish' })}>
            ${t('quiz.console.finishChallenge')}</button>
        </div>
      </section>
      <section class="panel">
        <h3 class="panel__title">${t('quiz.console.scores')}</h3>
        <p class="hint">${t('quiz.console.scoresHint')}</p>
        ${renderBoard(a.provisional, { testid: 'quiz-provisional', withTime: true })}
      </section>
      ${this._questionList(a, false)} ${this._renderTeams(a)}
    </div>`;
  }

  _renderEnd(a) {
    const end = a.end ?? {};
    const items = end.items ?? [];
    const index = end.debrief;
    const item = index === null || index === undefined ? null : items[index];
    return html`<div class="quiz-stack" data-testid="quiz-console-end">
      <section class="panel">
        <h3 class="panel__title">${t('quiz.end.ranking')}</h3>
        ${renderBoard(end.ranking, { testid: 'quiz-ranking', withTime: true })}
      </section>
      <section class="panel" aria-labelledby="quiz-debrief-title">
        <h3 class="panel__title" id="quiz-debrief-title">${t('quiz.console.debrief')}</h3>
        <p class="hint">${t('quiz.console.debriefHint')}</p>
        <div class="quiz-flow">
          <button type="button" class="btn btn--secondary" data-testid="quiz-debrief-podium" ?disabled=${item === null}
            @click=${() => this._run({ type: 'quiz.debrief', index: null })}>${t('quiz.console.podium')}</button>
          <button type="button" class="btn btn--secondary" data-testid="quiz-debrief-prev" ?disabled=${!item || index === 0}
            @click=${() => this._run({ type: 'quiz.debrief', index: index - 1 })}>${t('quiz.phone.prev')}</button>
          <button type="button" class="btn btn--primary" data-testid="quiz-debrief-next" ?disabled=${item && index >= items.length - 1}
            @click=${() => this._run({ type: 'quiz.debrief', index: item ? index + 1 : 0 })}>${item ? t('quiz.phone.next') : t('quiz.console.startDebrief')}</button>
        </div>
        ${item
          ? html`<div data-testid="quiz-console-debrief-item">
              <p class="question question--console">${item.index + 1}. ${item.question.text}</p>
              ${renderExplanation(item.reveal)}
              <bar-chart .items=${answerBars(item.reveal)} testid="quiz-console-debrief-bar"></bar-chart>
              ${this._teamLines(item.teamAnswers)}
            </div>`
          : nothing}
        <ol class="quiz-list">
          ${items.map(
            (x) => html`<li class="quiz-bank-item">
              <span>${x.index + 1}. ${x.question.text} — <span class="muted">${t('quiz.rightOf', { n: x.reveal.right, total: x.reveal.answered })}</span></span>
              <button type="button" class="btn btn--ghost btn--small" data-testid="quiz-debrief-${x.index}"
                @click=${() => this._run({ type: 'quiz.debrief', index: x.index })}>${t('quiz.console.showThis')}</button>
            </li>`,
          )}
        </ol>
      </section>
      ${a.content
        ? html`<section class="panel"><div class="row">
            <button type="button" class="btn btn--secondary btn--small" @click=${() => this._export('yaml')}>${t('quiz.console.exportYaml')}</button>
            <button type="button" class="btn btn--secondary btn--small" @click=${() => this._export('csv')}>${t('quiz.console.exportCsv')}</button>
          </div></section>`
        : nothing}
    </div>`;
  }
}

// ---- synthesis ------------------------------------------------------------------------------------

/** Synthesis: ranking, each question with its distribution and explanation, each participant's part. */
class QuizSynthesis extends LightElement {
  static properties = { results: { attribute: false } };

  constructor() {
    super();
    this.results = null;
  }

  render() {
    const r = this.results;
    if (!r) return html`<p class="muted" data-testid="quiz-synth-empty">${t('quiz.synthesis.none')}</p>`;
    return html`<div class="quiz-stack" data-testid="quiz-synthesis">
      <p>${r.bankTitle} · ${t(`quiz.pacing.${r.pacing}`)} · ${tn('quiz.questions', r.questionCount)}</p>
      <h3 class="panel__subtitle">${t('quiz.end.ranking')}</h3>
      ${renderBoard(r.teams, { testid: 'quiz-synth-ranking', withTime: true })}
      <h3 class="panel__subtitle">${t('quiz.synthesis.questions')}</h3>
      <ol class="synth-questions">
        ${(r.questions ?? []).map(
          (q) => html`<li class="synth-question" data-testid="quiz-synth-question-${q.position}">
            <h4>${q.position}. ${q.text}</h4>
            <p class="muted">${typeHint(q.type)} · ${t('quiz.rightOf', { n: q.right, total: q.answered })}</p>
            ${renderExplanation({ rightLabel: q.rightAnswer, explanation: q.explanation, source: q.source })}
            <bar-chart .items=${answerBars({ distribution: q.distribution })} testid="quiz-synth-q${q.position}-bar"></bar-chart>
          </li>`,
        )}
      </ol>
      <h3 class="panel__subtitle">${t('quiz.synthesis.participants')}</h3>
      <table class="quiz-board" data-testid="quiz-synth-participants">
        <thead><tr><th scope="col">${t('quiz.synthesis.nickname')}</th><th scope="col">${t('quiz.board.team')}</th>
          <th scope="col" class="num">${t('quiz.synthesis.changes')}</th><th scope="col" class="num">${t('quiz.synthesis.final')}</th>
          <th scope="col" class="num">${t('quiz.board.right')}</th></tr></thead>
        <tbody>
          ${(r.participants ?? []).map(
            (p) => html`<tr><td>${p.nickname}</td><td>${p.team ?? '—'}</td><td class="num">${p.changes}</td>
              <td class="num">${p.finalAnswers}</td><td class="num">${p.rightFinalAnswers}</td></tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('quiz-phone', QuizPhone);
customElements.define('quiz-screen', QuizScreen);
customElements.define('quiz-console', QuizConsole);
customElements.define('quiz-synthesis', QuizSynthesis);
