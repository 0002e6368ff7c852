// The cards console's next step (FORMAT-GUIDE.md, "The next step"): a round is roles, two draws,
// the scene, the players' feelings, then the debrief; then the next round.
import { t } from '../../i18n/index.js';
import { randomSeed } from '../../random.js';

export function cardsStep(el, sceneCommand) {
  const a = el.activity ?? {};
  const r = a.round;
  const send = (command) => el.send(command);
  const n = (r?.number ?? 0) + 1;
  const round = { id: `cards-round-${n}`, label: t('cards.console.nextRound', { n }), opening: true, after: t('cards.step.pick') };
  if (!a.deck) return { ...round, disabled: t('cards.step.needDeck') };
  if (!r || r.stage === 'DEBRIEF') {
    if (r && !a.casesLeft) return null;
    return { ...round, run: () => send({ type: 'cards.nextRound' }), done: t('cards.step.roundOpened', { n }) };
  }
  if (r.stage === 'SETUP') {
    if (!r.counsellor) {
      const volunteers = (a.volunteers ?? []).filter((p) => p.active).length;
      const pick = { id: 'cards-pick', label: t('cards.step.pick'), after: t('cards.drawCase') };
      if (volunteers < 2) return { ...pick, disabled: t('cards.step.needVolunteers') };
      return { ...pick, run: () => send({ type: 'cards.pickRandom', seed: randomSeed() }), done: t('cards.step.picked') };
    }
    if (!r.card) {
      return { id: 'cards-case', label: t('cards.drawCase'), after: t('cards.drawStructure'),
        run: () => send({ type: 'cards.drawCase', seed: randomSeed() }), done: t('cards.step.caseDrawn') };
    }
    if (!r.structure) {
      return { id: 'cards-structure', label: t('cards.drawStructure'), after: t('cards.console.startScene'),
        run: () => send({ type: 'cards.drawStructure', seed: randomSeed() }), done: t('cards.step.structureDrawn') };
    }
    return { id: 'cards-scene', label: t('cards.console.startScene'), after: t('cards.console.openFeelings'),
      run: () => send(sceneCommand), done: t('cards.step.sceneStarted') };
  }
  if (r.stage === 'SCENE') {
    return { id: 'cards-feelings', label: t('cards.console.openFeelings'), after: t('cards.console.openDebrief'),
      run: () => send({ type: 'cards.openFeelings' }), done: t('cards.step.feelingsOpened') };
  }
  return { id: 'cards-debrief', label: t('cards.console.openDebrief'), after: a.casesLeft ? t('cards.console.nextRound', { n }) : undefined,
    run: () => send({ type: 'cards.openDebrief' }), done: t('cards.step.debriefOpened') };
}
