// The prioritisation console's next step (FORMAT-GUIDE.md, "The next step"): collect, synthesis,
// vote, reveal (confirmed: it closes the vote), plan. ← goes back where nothing is lost.
import { t } from '../../i18n/index.js';

const stage = (s) => t(`prio.stage.${s}`);

export function prioStep(el) {
  const a = el.activity ?? {};
  const current = a.stage ?? 'COLLECT';
  const send = (command) => el.send(command);
  const go = (to, extra = {}) => ({
    id: `prio-stage-${to}`, label: t('prio.step.goTo', { stage: stage(to) }),
    run: () => send({ type: 'prioritisation.setStage', stage: to }), done: t('prio.step.moved', { stage: stage(to) }), ...extra,
  });
  const back = (to) => ({ label: t('prio.step.backTo', { stage: stage(to) }), run: () => send({ type: 'prioritisation.setStage', stage: to }),
    done: t('prio.step.moved', { stage: stage(to) }) });
  if (el.view?.session?.phase === 'LOBBY') {
    return { id: 'prio-collect', label: t('prio.step.open'), opening: true, run: () => Promise.resolve(), done: t('prio.step.opened'),
      after: t('prio.step.goTo', { stage: stage('SYNTHESIS') }) };
  }
  if (current === 'COLLECT') return go('SYNTHESIS', { after: t('prio.step.goTo', { stage: stage('VOTE') }) });
  if (current === 'SYNTHESIS') {
    const visible = (a.vote?.proposals ?? []).filter((p) => !p.hidden).length;
    return go('VOTE', { after: t('prio.console.reveal'), back: back('COLLECT'), disabled: visible ? undefined : t('prio.step.needProposal') });
  }
  if (current === 'VOTE' && !a.revealed) {
    const voters = a.vote?.voters ?? 0;
    const total = el.view?.session?.participantCount ?? 0;
    return {
      id: 'prio-reveal', label: t('prio.console.reveal'), after: t('prio.step.goTo', { stage: stage('PLAN') }),
      confirm: { title: t('prio.step.revealTitle'), text: t('prio.step.revealText', { n: voters, total }), confirmLabel: t('prio.console.reveal') },
      run: () => send({ type: 'prioritisation.reveal' }), done: t('prio.step.revealed'),
    };
  }
  if (current === 'RESULTS') return go('PLAN');
  if (current === 'PLAN') return null;
  return a.revealed ? go('RESULTS') : null;
}
