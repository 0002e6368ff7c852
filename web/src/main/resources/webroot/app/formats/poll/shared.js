// "Sondage express": one question at a time, answered from the phones, revealed by the facilitator.
// Seven types (kind): SINGLE, MULTIPLE, SCALE, RANKING (options), WORDS, OPEN, QA (texts).
import { html } from 'lit';
import { t, formatNumber } from '../../i18n/index.js';

export const letter = (i) => String.fromCharCode(65 + i);
export const KINDS = ['SINGLE', 'MULTIPLE', 'WORDS', 'SCALE', 'OPEN', 'RANKING', 'QA'];
export const kindOf = (q) => q?.kind ?? 'SINGLE';
export const isText = (kind) => kind === 'WORDS' || kind === 'OPEN' || kind === 'QA';
export const hasOptions = (kind) => kind === 'SINGLE' || kind === 'MULTIPLE' || kind === 'RANKING';
/** The limits the server applies (PollAnswers), for maxlength and counters. */
export const TEXT_LIMITS = { WORDS: 30, OPEN: 280, QA: 200 };

export function kindLabel(kind) {
  return t(`poll.kind.${kind ?? 'SINGLE'}`);
}

/** A scale's value label: the number, with the word at its end when there is one. */
export function scaleLabel(question, i) {
  const s = question.scale;
  const value = question.options[i];
  if (s && i === 0 && s.minLabel) return `${value} · ${s.minLabel}`;
  if (s && i === question.options.length - 1 && s.maxLabel) return `${value} · ${s.maxLabel}`;
  return value;
}

/**
 * The bars of a result. SINGLE and MULTIPLE: votes per option (MULTIPLE: shares of the people who
 * answered); SCALE: per value; RANKING: Borda points, best first (the order is the result).
 * {@code mine}: an option index, or a list of them.
 */
export function barItems(question, mine) {
  const distribution = question.distribution ?? [];
  const kind = kindOf(question);
  const mineHas = (i) => (Array.isArray(mine) ? mine.includes(i) : mine === i);
  const items = question.options.map((label, i) => ({
    label: kind === 'SCALE' ? scaleLabel(question, i) : kind === 'RANKING' ? label : `${letter(i)}. ${label}`,
    value: distribution[i] ?? 0,
    correct: question.correct === i,
    mine: kind === 'RANKING' ? false : mineHas(i),
  }));
  if (kind === 'RANKING') {
    items.sort((a, b) => b.value - a.value);
    return items.map((item, place) => ({ ...item, label: `${place + 1}. ${item.label}` }));
  }
  return items;
}

/** What the bar chart's percentages are shares of: the people who answered (MULTIPLE), the best possible score (RANKING). */
export function barBase(question) {
  const kind = kindOf(question);
  const answered = question.answered ?? 0;
  if (kind === 'MULTIPLE') return answered;
  if (kind === 'RANKING') return answered * Math.max(1, question.options.length - 1);
  return 0;
}

/** A scale's mean answer, or null. */
export function scaleMean(question) {
  const d = question.distribution ?? [];
  const min = question.scale?.min ?? 0;
  let n = 0;
  let sum = 0;
  d.forEach((count, i) => {
    n += count;
    sum += count * (i + min);
  });
  return n ? sum / n : null;
}

export function meanText(question) {
  const mean = scaleMean(question);
  return mean === null ? '' : t('poll.mean', { mean: formatNumber(Math.round(mean * 10) / 10) });
}

/** The word cloud: each word's size grows with its count (1 to 5 steps), most frequent first. */
export function cloud(words, testid = 'cloud') {
  const max = Math.max(1, ...words.map((w) => w.count));
  return html`<ul class="poll-cloud" data-testid=${testid} aria-label=${t('poll.cloudLabel')}>
    ${words.map((w, i) => {
      const step = 1 + Math.round((4 * (w.count - 1)) / Math.max(1, max - 1));
      return html`<li class="poll-cloud__word poll-cloud__word--${w.count === max ? 5 : step}" data-testid="${testid}-${i}"
        data-count=${w.count}>${w.text}<span class="visually-hidden"> (${w.count})</span></li>`;
    })}
  </ul>`;
}

export function statusLabel(status) {
  return t(`poll.status.${status}`);
}
