import { FormatElement, state } from '../../components/format-element.js';
import { importProblems } from '../../components/library-console.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { api } from '../../util.js';
import { exportLibraryItem, parseLibraryText } from '../../library.js';
import { TEAM_NAME_MAX, answerBars, renderBoard, renderExplanation, renderProgress, typeHint } from './shared.js';
import { randomSeed } from '../../random.js';
import { askConfirm, describer } from '../../components/next-step.js';
import { finishConfirm, quizStep, revealConfirm } from './console-step.js';

/** Console: bank, settings and teams before the start; the flow buttons during play; the debrief after. */
class QuizConsole extends FormatElement {
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('quiz', ['lock', 'scoreboard', 'extend', 'show', 'useBank', 'configure', 'createTeam', 'balanceTeams', 'moveMember', 'debrief']);

  static properties = state({
    _catalogue: null, _libraryError: '', _problems: null, _importText: '', _importKind: 'yaml', _importNote: '',
    _settings: null, _teamName: '', _teamCount: 3, _busy: false,
  });

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
      const data = await parseLibraryText('quiz', this._importText, this._importKind).catch(() => null);
      if (data?.ok && data.content) {
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
      await exportLibraryItem('quiz', bank, `${bank.id}.${kind === 'csv' ? 'csv' : 'yaml'}`, kind);
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

  get preparation() {
    return true;
  }

  get preparationNeeded() {
    return !this.activity?.bank;
  }

  get nextStep() {
    return quizStep(this);
  }

  async _confirmed(confirm, command) {
    if (confirm && !(await askConfirm(this, confirm))) return;
    this._run(command);
  }

  render() {
    const a = this.activity ?? {};
    if (this.consoleTab === 'prep') {
      return html`<div class="quiz-stack" data-testid="quiz-console-setup">
        ${a.stage === 'SETUP' || !a.stage ? html`${this._renderBank(a)} ${this._renderSettings(a)}` : nothing}
        ${this._renderTeams(a)} ${a.stage === 'FINISHED' ? this._renderExport(a) : nothing}
      </div>`;
    }
    if (a.stage === 'FINISHED') return this._renderEnd(a);
    if (a.stage === 'PLAYING') return a.live ? this._renderLive(a) : this._renderChallenge(a);
    return html`<div class="quiz-stack" data-testid="quiz-console-ready">
      <section class="panel">
        <h3 class="panel__title">${t('quiz.console.ready')}</h3>
        ${a.bank
          ? html`<p>${t('quiz.console.chosen')} <strong>${a.bank.title}</strong> (${tn('quiz.questions', a.bank.questions)})
              · ${t(`quiz.pacing.${a.settings?.pacing ?? 'live'}`)}</p>
              <p>${t('quiz.console.teams')} : ${formatNumber((a.teams ?? []).length)}</p>
              <p class="hint">${t('quiz.console.readyHint')}</p>`
          : html`<p class="hint">${t('quiz.console.noBank')}</p>`}
        ${a.unassignedCount ? html`<p class="hint">${tn('quiz.unassigned', a.unassignedCount)}</p>` : nothing}
        <p class="hint">${t('quiz.console.prepHint')}</p>
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
        <button type="submit" class="btn btn--secondary" data-testid="quiz-import-submit" ?disabled=${this._busy}>${t('quiz.console.importSubmit')}</button>
        ${this._importNote ? html`<p class="hint" role="status">${this._importNote}</p>` : nothing}
        ${importProblems(this._problems, { keys: 'quiz.console', prefix: 'quiz', focusable: true })}
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
          <button type="button" class="btn btn--secondary" data-testid="quiz-show-next" ?disabled=${!canShowNext || live.asked >= live.total}
            @click=${() => this._run({ type: 'quiz.show' })}>${q ? t('quiz.console.next') : t('quiz.console.first')}</button>
          ${q
            ? html`<button type="button" class="btn btn--secondary" data-testid="quiz-lock" ?disabled=${status !== 'OPEN'}
                  @click=${() => this._confirmed(revealConfirm(live, true), { type: 'quiz.lock', questionId: q.id })}>${t('quiz.console.lock')}</button>
                <button type="button" class="btn btn--secondary" data-testid="quiz-reveal" ?disabled=${status === 'REVEALED'}
                  @click=${() => this._confirmed(revealConfirm(live), { type: 'quiz.reveal', questionId: q.id })}>${t('quiz.console.reveal')}</button>
                <button type="button" class="btn btn--secondary" data-testid="quiz-scoreboard" ?disabled=${status !== 'REVEALED' || live.scoreboard}
                  @click=${() => this._run({ type: 'quiz.scoreboard' })}>${t('quiz.console.scoreboard')}</button>
                <button type="button" class="btn btn--ghost" data-testid="quiz-extend" ?disabled=${status !== 'OPEN' || !live.deadline}
                  @click=${() => this._run({ type: 'quiz.extend', seconds: 30 })}>${t('quiz.console.extend30')}</button>`
            : nothing}
        </div>
      </section>
      ${this._renderFollowUp(a, canShowNext)} ${this._renderStop(false)}
    </div>`;
  }

  /** Ending early sits apart from the flow buttons, and asks first. */
  _renderStop(challenge) {
    return html`<section class="panel" aria-labelledby="quiz-stop-title">
      <h3 class="panel__title" id="quiz-stop-title">${t('quiz.console.stop')}</h3>
      <button type="button" class="btn btn--danger" data-testid="quiz-finish"
        @click=${() => this._confirmed(finishConfirm(challenge), { type: 'quiz.finish' })}>
        ${t(challenge ? 'quiz.console.finishChallenge' : 'quiz.console.finish')}</button>
    </section>`;
  }

  /** While playing: the provisional scores, the questions (to show one out of order) and the teams. */
  _renderFollowUp(a, canShow) {
    return html`<section class="panel">
        <h3 class="panel__title">${t('quiz.console.scores')}</h3>
        <p class="hint">${t('quiz.console.scoresHint')}</p>
        ${renderBoard(a.provisional, { testid: 'quiz-provisional', withTime: true })}
      </section>
      ${this._questionList(a, canShow)}`;
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
        </div>
      </section>
      ${this._renderFollowUp(a, false)} ${this._renderStop(true)}
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
          <button type="button" class="btn btn--secondary" data-testid="quiz-debrief-next" ?disabled=${item && index >= items.length - 1}
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
    </div>`;
  }

  _renderExport(a) {
    return a.content
      ? html`<section class="panel"><div class="row">
          <button type="button" class="btn btn--secondary btn--small" @click=${() => this._export('yaml')}>${t('quiz.console.exportYaml')}</button>
          <button type="button" class="btn btn--secondary btn--small" @click=${() => this._export('csv')}>${t('quiz.console.exportCsv')}</button>
        </div></section>`
      : nothing;
  }
}

customElements.define('quiz-console', QuizConsole);
