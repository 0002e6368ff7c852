import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { PROBLEM, SOLUTION, challengeCard, challengeOf, newTeamForm, resultsView, solutionList, stageHead, teamName } from './shared.js';
import { HackathonPhoneFields } from './phone-fields.js';

const IDEA_MAX = 200;

/** Phone: team forming and challenge, canvases with presence and conflicts, ideas and dots, pitches, votes, prizes. */
class HackathonPhone extends HackathonPhoneFields {
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
        ? newTeamForm(this, { id: 'hk-team-name', button: 'hk-create-team', primary: true, testid: 'hk-create-form', onSubmit: this._createTeam })
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
              aria-label=${`${chosen ? t('hackathon.challenge.chosen') : full ? t('hackathon.challenge.full') : t('hackathon.challenge.take')} — ${c.title}`}
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
        ${repeat(ideas, (i) => i.id, (i) => html`<li data-testid="hk-idea-${i.id}">
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

customElements.define('hackathon-phone', HackathonPhone);
