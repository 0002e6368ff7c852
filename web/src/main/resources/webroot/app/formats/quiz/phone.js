import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { TEAM_NAME_MAX, TROPHY, answerBars, letter, rankLabel, renderBoard, renderExplanation, renderImage, typeHint } from './shared.js';

const TEXT_MAX = 200;

/** Distribution keys matching a team answer, to mark "our choice" in the bars. */
function keysOf(value) {
  if (!value) return [];
  if (value.choices) return value.choices;
  if (value.truth !== undefined && value.truth !== null) return [String(value.truth)];
  return [];
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

/** Phone: choose or create a team, answer for it, see the team's answer live, the reveal, the podium. */
class QuizPhone extends FormatElement {
  static properties = state({
    _teamName: '', _draft: null, _state: 'idle', _message: '', _index: null, _confirmSubmit: false, _pending: null,
  });

  constructor() {
    super();
    this._questionKey = null;
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
    const sent = this.send(command);
    // No answer from the server within a second (offline, a lost link): say it is waiting, not sent.
    const slow = setTimeout(() => {
      if (this._state === 'sending') this._state = 'pending';
    }, 1000);
    try {
      await sent;
      this._state = okState;
      return true;
    } catch (error) {
      this._state = 'error';
      this._message = error?.message || t('common.rejected');
      return false;
    } finally {
      clearTimeout(slow);
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
    const text = this._state === 'pending' ? t('phone.pendingStatus') : this._state === 'sending' ? t('quiz.phone.sending') : this._state === 'error' ? this._message : this._state === 'saved' ? t('quiz.phone.saved') : '';
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
                ${on && this._pending
                  ? this._state === 'pending' ? html`<span class="option__pending" data-testid="option-pending">${t('phone.pendingMark')}</span>` : nothing
                  : on ? html`<span class="option__check" aria-hidden="true">✓</span>` : nothing}
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

customElements.define('quiz-phone', QuizPhone);
