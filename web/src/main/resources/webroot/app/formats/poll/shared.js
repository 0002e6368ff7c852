// "Sondage express": one question at a time, answered from the phones, revealed by the facilitator.
import { t } from '../../i18n/index.js';

export const letter = (i) => String.fromCharCode(65 + i);

export function barItems(question, mine) {
  const distribution = question.distribution ?? [];
  return question.options.map((label, i) => ({
    label: `${letter(i)}. ${label}`,
    value: distribution[i] ?? 0,
    correct: question.correct === i,
    mine: mine === i,
  }));
}

export function statusLabel(status) {
  return t(`poll.status.${status}`);
}
