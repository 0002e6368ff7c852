// The quiz console's next step (FORMAT-GUIDE.md, "The next step"): start (and show question 1),
// reveal, next question, finish, then walk through the correction.
import { t } from '../../i18n/index.js';
import { chain } from '../../components/next-step.js';

/** Revealing closes the answers: ask first when some teams have not answered yet. */
export function revealConfirm(live, lock = false) {
  const answered = live.answered ?? 0;
  const total = live.teamCount ?? 0;
  if (live.status !== 'OPEN' || answered >= total) return undefined;
  return {
    title: t(lock ? 'quiz.step.lockConfirmTitle' : 'quiz.step.revealConfirmTitle'),
    text: t('quiz.step.revealConfirmText', { n: answered, total }),
    confirmLabel: t(lock ? 'quiz.console.lock' : 'quiz.step.reveal'),
  };
}

export function finishConfirm(challenge) {
  return {
    title: t(challenge ? 'quiz.step.finishChallengeTitle' : 'quiz.step.finishTitle'),
    text: t('quiz.step.finishText'),
    confirmLabel: t(challenge ? 'quiz.step.finishChallenge' : 'quiz.step.finish'),
  };
}

export function quizStep(el) {
  const a = el.activity ?? {};
  const send = (command) => el.send(command);
  if (a.stage === 'SETUP') {
    const challenge = a.settings?.pacing === 'challenge';
    const label = t(challenge ? 'quiz.step.startChallenge' : 'quiz.step.start');
    if (!a.bank) return { id: 'quiz-start', label, opening: true, disabled: t('quiz.step.needBank') };
    if (!(a.teams ?? []).some((team) => team.members?.length)) {
      // Teams form on the phones once the activity runs: the page's own "start" comes first.
      if (el.view?.session?.phase === 'LOBBY') return { id: 'quiz-start', label };
      return { id: 'quiz-start', label, disabled: t('quiz.step.needTeam') };
    }
    const steps = [{ command: { type: 'quiz.start' }, label }];
    if (!challenge) steps.push({ command: { type: 'quiz.show' }, label: t('quiz.step.show', { n: 1 }) });
    return {
      id: 'quiz-start', label, opening: true, run: () => chain(send, steps),
      done: t(challenge ? 'quiz.step.challengeStarted' : 'quiz.step.shown', { n: 1 }),
      after: t(challenge ? 'quiz.step.finishChallenge' : 'quiz.step.reveal'),
    };
  }
  if (a.stage === 'PLAYING' && !a.live) {
    return {
      id: 'quiz-finish', label: t('quiz.step.finishChallenge'), confirm: finishConfirm(true),
      run: () => send({ type: 'quiz.finish' }), done: t('quiz.step.finished'), after: t('quiz.step.debrief'),
    };
  }
  if (a.stage === 'PLAYING') {
    const live = a.live;
    const q = live.question;
    const more = (live.asked ?? 0) < (live.total ?? 0);
    const n = (live.asked ?? 0) + 1;
    if (!q || live.status === 'REVEALED') {
      if (more) {
        return {
          id: `quiz-show-${n}`, label: t('quiz.step.show', { n }), run: () => send({ type: 'quiz.show' }),
          done: t('quiz.step.shown', { n }), after: t('quiz.step.reveal'),
        };
      }
      return {
        id: 'quiz-finish', label: t('quiz.step.finish'), undoSeconds: 5, run: () => send({ type: 'quiz.finish' }),
        done: t('quiz.step.finished'), after: t('quiz.step.debrief'),
      };
    }
    return {
      id: `quiz-reveal-${live.asked}`, label: t('quiz.step.reveal'), confirm: revealConfirm(live),
      run: () => send({ type: 'quiz.reveal', questionId: q.id }), done: t('quiz.step.revealed', { n: live.asked }),
      after: more ? t('quiz.step.show', { n }) : t('quiz.step.finish'),
    };
  }
  if (a.stage === 'FINISHED') {
    const items = a.end?.items ?? [];
    const index = a.end?.debrief ?? null;
    const debrief = (i) => () => send({ type: 'quiz.debrief', index: i });
    const back = index === null ? undefined
      : index === 0 ? { label: t('quiz.console.podium'), run: debrief(null), done: t('quiz.step.podiumShown') }
        : { label: t('quiz.step.previous'), run: debrief(index - 1), done: t('quiz.step.debriefShown', { n: items[index - 1].index + 1 }) };
    const next = index === null ? 0 : index + 1;
    if (next >= items.length) return null;
    return {
      id: `quiz-debrief-${next}`, label: index === null ? t('quiz.step.debrief') : t('quiz.step.debriefNext', { n: items[next].index + 1 }),
      run: debrief(next), done: t('quiz.step.debriefShown', { n: items[next].index + 1 }), back,
      after: next + 1 < items.length ? t('quiz.step.debriefNext', { n: items[next + 1].index + 1 }) : t('console.openSatisfaction'),
    };
  }
  return null;
}
