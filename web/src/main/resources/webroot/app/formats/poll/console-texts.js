// The console's panels around texts and prepared questions: the moderation of the current
// question's texts (show, hide, mark a Q&A question answered), and the prepared list (ask one,
// choose a list from the library or import a YAML file). Functions of the console element.
import { html, nothing } from 'lit';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { kindLabel } from './shared.js';

const STATES = { PENDING: 'poll.console.state.PENDING', SHOWN: 'poll.console.state.SHOWN', HIDDEN: 'poll.console.state.HIDDEN' };

export function moderation(host, q) {
  const entries = q.entries ?? [];
  const qa = q.kind === 'QA';
  const run = (command) => host.send(command).catch(() => {});
  return html`<section class="panel" aria-labelledby="poll-texts-title" data-testid="poll-texts">
    <h3 class="panel__title" id="poll-texts-title">${t('poll.console.texts')} (${formatNumber(entries.length)})</h3>
    ${q.pending ? html`<p class="notice" role="status" data-testid="poll-pending">${tn('poll.console.pending', q.pending)}</p>` : nothing}
    ${entries.length === 0 ? html`<p class="muted">${t('poll.console.noTexts')}</p>` : html`<ul class="poll-moderation">
      ${entries.map((e, i) => html`<li class="poll-moderation__item poll-moderation__item--${e.visibility.toLowerCase()}" data-testid="mod-${i}"
          data-entry=${e.id}>
        <span class="poll-moderation__text">${e.text}</span>
        <span class="tag">${t(STATES[e.visibility])}</span>
        ${qa ? html`<span class="muted">▲ ${formatNumber(e.votes ?? 0)}</span>` : nothing}
        <span class="row">
          ${e.visibility !== 'SHOWN' ? html`<button type="button" class="btn btn--secondary btn--small" data-testid="mod-show-${i}"
            aria-label=${t('poll.console.showText', { text: e.text })}
            @click=${() => run({ type: 'poll.moderate', questionId: q.id, entryId: e.id, shown: true })}>${t(e.visibility === 'PENDING' ? 'poll.console.approve' : 'poll.console.show')}</button>` : nothing}
          ${e.visibility !== 'HIDDEN' ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="mod-hide-${i}"
            aria-label=${t('poll.console.hideText', { text: e.text })}
            @click=${() => run({ type: 'poll.moderate', questionId: q.id, entryId: e.id, shown: false })}>${t('poll.console.hide')}</button>` : nothing}
          ${qa && e.visibility === 'SHOWN' ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="mod-answered-${i}"
            aria-pressed=${e.answered ? 'true' : 'false'}
            @click=${() => run({ type: 'poll.markAnswered', questionId: q.id, entryId: e.id, answered: !e.answered })}>${t('poll.answered')}</button>` : nothing}
        </span>
      </li>`)}
    </ul>`}
  </section>`;
}

/** The first prepared question not asked yet (by its text), or -1. */
export function nextPrepared(activity) {
  const prepared = activity?.prepared?.questions ?? [];
  const asked = new Set((activity?.history ?? []).map((q) => q.text));
  return prepared.findIndex((q) => !asked.has(q.text));
}

export function preparedList(host, activity, live) {
  const list = activity?.prepared;
  const open = activity?.question?.status === 'OPEN';
  const asked = new Set((activity?.history ?? []).map((q) => q.text));
  return html`<section class="panel" aria-labelledby="poll-prepared-title" data-testid="poll-prepared">
    <h3 class="panel__title" id="poll-prepared-title">${t('poll.console.prepared')}</h3>
    ${list ? html`<p>${t('poll.console.preparedList', { title: list.title ?? '' })}</p>
      <ol class="poll-prepared">${list.questions.map((q, i) => html`<li data-testid="prepared-${i}">
        <span class="tag">${kindLabel(q.kind)}</span> ${q.text}
        ${asked.has(q.text) ? html`<span class="muted"> — ${t('poll.console.asked')}</span>` : nothing}
        ${live ? html`<button type="button" class="btn btn--secondary btn--small" data-testid="prepared-ask-${i}" ?disabled=${open}
          aria-label=${t('poll.console.askPreparedLabel', { text: q.text })}
          @click=${() => host.send({ type: 'poll.askPrepared', index: i }).catch(() => {})}>${t('poll.console.askPrepared')}</button>` : nothing}
      </li>`)}</ol>` : html`<p class="hint">${t('poll.console.noPrepared')}</p>`}
    ${live ? nothing : catalogue(host)}
  </section>`;
}

function catalogue(host) {
  const items = host._catalogue ?? [];
  return html`<div class="field">
      <label for="poll-list-select">${t('poll.console.catalogue')}</label>
      <div class="input-row">
        <select id="poll-list-select" data-testid="poll-list-select" .value=${host._chosenId} @change=${(e) => (host._chosenId = e.target.value)}>
          ${items.map((i) => html`<option value=${i.id} ?selected=${i.id === host._chosenId}>${i.title} (${tn('poll.questions', i.size)})</option>`)}
        </select>
        <button type="button" class="btn btn--secondary" data-testid="poll-use-list" ?disabled=${!host._chosenId}
          @click=${host._useCatalogueList}>${t('poll.console.useList')}</button>
      </div>
    </div>
    ${host._renderImport()}
    ${host._renderLibraryError()}`;
}
