// The phone's inputs that are more than buttons: the ranking to arrange (drag, or the arrow
// buttons from the keyboard and screen readers) and the texts (a word, a text for the wall, a
// question to the speaker, and the room's questions to support). Functions of the phone element.
import { html, nothing } from 'lit';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { TEXT_LIMITS } from './shared.js';

function orderOf(host, q) {
  return host._order ?? q.myPicks ?? q.options.map((_, i) => i);
}

function move(host, q, from, to) {
  const order = [...orderOf(host, q)];
  if (to < 0 || to >= order.length || from === to) return;
  const [item] = order.splice(from, 1);
  order.splice(to, 0, item);
  host._order = order;
  host._state = 'idle';
  host._moved = t('poll.phone.moved', { option: q.options[item], place: to + 1, total: order.length });
}

/** Pointer drag on a row's handle: the row follows the finger, row by row. */
function dragStart(host, q, event, index) {
  const handle = event.currentTarget;
  const list = handle.closest('ol');
  handle.setPointerCapture(event.pointerId);
  let current = index;
  const onMove = (e) => {
    const rows = [...list.children];
    const target = rows.findIndex((row) => {
      const r = row.getBoundingClientRect();
      return e.clientY >= r.top && e.clientY <= r.bottom;
    });
    if (target >= 0 && target !== current) {
      move(host, q, current, target);
      current = target;
    }
  };
  const onUp = () => {
    handle.removeEventListener('pointermove', onMove);
    handle.removeEventListener('pointerup', onUp);
    handle.removeEventListener('pointercancel', onUp);
  };
  handle.addEventListener('pointermove', onMove);
  handle.addEventListener('pointerup', onUp);
  handle.addEventListener('pointercancel', onUp);
}

export function rankingList(host, q, open) {
  const order = orderOf(host, q);
  const sent = q.myPicks && JSON.stringify(order) === JSON.stringify(q.myPicks);
  return html`<p class="hint" id="poll-rank-hint">${t('poll.phone.rankHint')}</p>
    <ol class="poll-rank" aria-labelledby="poll-question" aria-describedby="poll-rank-hint" data-testid="poll-rank">
      ${order.map((option, place) => html`<li class="poll-rank__row" data-testid="rank-row-${place}" data-option=${option}>
        <span class="poll-rank__handle" aria-hidden="true" @pointerdown=${(e) => open && dragStart(host, q, e, place)}>⠿</span>
        <span class="poll-rank__place" aria-hidden="true">${place + 1}</span>
        <span class="poll-rank__text">${q.options[option]}</span>
        <button type="button" class="btn btn--ghost btn--small" data-testid="rank-up-${place}" ?disabled=${!open || place === 0}
          aria-label=${t('poll.phone.up', { option: q.options[option] })} @click=${() => move(host, q, place, place - 1)}>↑</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="rank-down-${place}"
          ?disabled=${!open || place === order.length - 1}
          aria-label=${t('poll.phone.down', { option: q.options[option] })} @click=${() => move(host, q, place, place + 1)}>↓</button>
      </li>`)}
    </ol>
    <p class="visually-hidden" aria-live="assertive" data-testid="rank-moved">${host._moved ?? ''}</p>
    ${open ? html`<button type="button" class="btn btn--primary btn--block" data-testid="poll-send-rank"
      @click=${() => host._send({ type: 'poll.rank', questionId: q.id, order })}>
      ${sent ? t('poll.phone.rankSent') : t('poll.phone.sendRank')}</button>` : nothing}`;
}

function submit(host, q, event) {
  event.preventDefault();
  const text = host._draft.trim();
  if (!text) {
    host._state = 'error';
    host._message = t('poll.phone.writeFirst');
    return;
  }
  host._send({ type: 'poll.write', questionId: q.id, text }).then(() => {
    if (host._state === 'saved') host._draft = '';
  });
}

const VISIBILITY = { PENDING: 'poll.phone.pending', HIDDEN: 'poll.phone.hidden' };

export function textAnswers(host, q, kind, open) {
  const max = TEXT_LIMITS[kind];
  const mine = q.mine ?? [];
  const long = kind !== 'WORDS';
  const left = max - [...host._draft].length;
  return html`
    ${open ? html`<form class="poll-write" @submit=${(e) => submit(host, q, e)} novalidate data-testid="poll-write">
      <label for="poll-draft">${t(`poll.phone.label.${kind}`)}</label>
      ${long
        ? html`<textarea id="poll-draft" rows="3" maxlength=${max} data-testid="poll-draft" aria-describedby="poll-draft-left"
            .value=${host._draft} @input=${(e) => (host._draft = e.target.value)}></textarea>`
        : html`<input id="poll-draft" type="text" maxlength=${max} autocomplete="off" data-testid="poll-draft"
            aria-describedby="poll-draft-left" .value=${host._draft} @input=${(e) => (host._draft = e.target.value)} />`}
      <p class="hint" id="poll-draft-left">${tn('poll.phone.left', left)}</p>
      <button type="submit" class="btn btn--primary btn--block" data-testid="poll-send-text">${t(`poll.phone.send.${kind}`)}</button>
    </form>` : nothing}
    ${mine.length ? html`<section class="poll-mine" aria-labelledby="poll-mine-title" data-testid="poll-mine">
      <h3 id="poll-mine-title" class="panel__subtitle">${t('poll.phone.mine')}</h3>
      <ul>${mine.map((e) => html`<li>${e.text}${VISIBILITY[e.visibility] ? html` <span class="tag">${t(VISIBILITY[e.visibility])}</span>` : nothing}</li>`)}</ul>
    </section>` : nothing}
    ${kind === 'QA' ? questionsOfTheRoom(host, q, open) : nothing}
    ${kind === 'OPEN' && q.status === 'REVEALED' ? wall(q.entries ?? [], 'phone-wall') : nothing}`;
}

function questionsOfTheRoom(host, q, open) {
  const entries = q.entries ?? [];
  return html`<section class="poll-qa" aria-labelledby="poll-qa-title" data-testid="poll-qa">
    <h3 id="poll-qa-title" class="panel__subtitle">${tn('poll.phone.roomQuestions', entries.length)}</h3>
    ${entries.length ? html`<ul class="poll-qa__list">${entries.map((e, i) => html`<li class="poll-qa__item ${e.answered ? 'poll-qa__item--answered' : ''}"
        data-testid="qa-${i}">
        <span class="poll-qa__text">${e.text}${e.answered ? html` <span class="tag">${t('poll.answered')}</span>` : nothing}</span>
        <button type="button" class="btn btn--secondary btn--small poll-qa__vote" data-testid="qa-vote-${i}"
          aria-pressed=${e.voted ? 'true' : 'false'} ?disabled=${!open || e.voted || e.mine}
          aria-label=${t('poll.phone.upvote', { text: e.text, n: formatNumber(e.votes ?? 0) })}
          @click=${() => host._send({ type: 'poll.upvote', questionId: q.id, entryId: e.id })}>
          ▲ ${formatNumber(e.votes ?? 0)}</button>
      </li>`)}</ul>` : html`<p class="muted">${t('poll.phone.noQuestions')}</p>`}
  </section>`;
}

export function wall(entries, testid) {
  return entries.length
    ? html`<ul class="poll-wall" data-testid=${testid}>${entries.map((e, i) => html`<li class="poll-wall__card" data-testid="${testid}-${i}">${e.text}</li>`)}</ul>`
    : html`<p class="muted">${t('poll.noTexts')}</p>`;
}
