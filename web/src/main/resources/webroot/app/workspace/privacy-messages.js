// Personal data (issue 19): the messages of the retention and audit sections of /admin and of a
// session's erase and export, French first, English beside it (same keys: keep them in step).
import { lang } from '../i18n/index.js';
import { translator } from './translate.js';

const fr = {
  'rt.title': 'Données personnelles : durées de conservation',
  'rt.lead': 'Les pseudonymes, réponses individuelles, grilles et commentaires des séances archivées sont effacés après cette durée ; les statistiques agrégées (effectifs, satisfaction, résultats sans pseudonyme) restent pour les bilans.',
  'rt.env': 'Valeur de l’environnement (ATELIER_RETENTION_MONTHS) : {months} mois',
  'rt.stored': 'Réglage de l’administration : {value}',
  'rt.none': 'aucun (la valeur de l’environnement s’applique)',
  'rt.monthsValue': '{months} mois',
  'rt.effective': 'Durée appliquée : {months} mois',
  'rt.live': 'Données en direct (Redis) : gardées {hours} h après l’archivage',
  'rt.purgeAt': 'Purge quotidienne à {time} (heure de Paris)',
  'rt.lastRun': 'Dernière purge : {at}, {sessions} {sessions|séance|séances}, {rows} {rows|ligne effacée|lignes effacées}',
  'rt.neverRun': 'Aucune purge encore.',
  'rt.months': 'Conservation des données par participant·e (mois, de 1 à {max})',
  'rt.save': 'Enregistrer la durée',
  'rt.reset': 'Revenir à la valeur de l’environnement',
  'rt.saved': 'Durée de conservation enregistrée : {months} mois.',
  'rt.purge': 'Lancer la purge maintenant',
  'rt.purged': 'Purge faite : {sessions} {sessions|séance purgée|séances purgées}.',
  'rt.purgeBusy': 'Une purge est déjà en cours sur un autre serveur.',
  'au.title': 'Journal d’audit',
  'au.lead': 'Qui a créé, préparé, lancé, effacé ou exporté quoi, et quand (les 500 dernières lignes du filtre).',
  'au.from': 'Du',
  'au.to': 'Au',
  'au.action': 'Action (début du nom, par exemple session.)',
  'au.filter': 'Filtrer',
  'au.when': 'Quand',
  'au.who': 'Qui',
  'au.what': 'Action',
  'au.target': 'Sur',
  'au.detail': 'Détail',
  'au.nobody': 'système',
  'au.none': 'Aucune ligne pour ce filtre.',
  'sd.export': 'Exporter (JSON)',
  'sd.erase': 'Effacer les données',
  'sd.title': 'Effacer les données des participant·es de la séance {code}',
  'sd.explain': 'Les pseudonymes, réponses individuelles, grilles et commentaires de cette séance seront effacés définitivement. Les statistiques agrégées restent dans les bilans. Cette action est enregistrée dans le journal d’audit.',
  'sd.confirmLabel': 'Pour confirmer, recopiez le code de la séance ({code})',
  'sd.confirm': 'Effacer définitivement',
  'sd.cancel': 'Annuler',
  'sd.done': 'Données des participant·es de la séance {code} effacées.',
  'sd.already': 'Les données des participant·es de la séance {code} étaient déjà effacées.',
};

const en = {
  'rt.title': 'Personal data: retention periods',
  'rt.lead': 'Nicknames, individual answers, grids and comments of archived sessions are erased after this period; aggregated statistics (counts, satisfaction, results without nicknames) stay for the reports.',
  'rt.env': 'Environment value (ATELIER_RETENTION_MONTHS): {months} months',
  'rt.stored': 'Administration setting: {value}',
  'rt.none': 'none (the environment value applies)',
  'rt.monthsValue': '{months} months',
  'rt.effective': 'Period applied: {months} months',
  'rt.live': 'Live data (Redis): kept {hours} h after archiving',
  'rt.purgeAt': 'Daily purge at {time} (Paris time)',
  'rt.lastRun': 'Last purge: {at}, {sessions} {sessions|session|sessions}, {rows} {rows|row|rows} erased',
  'rt.neverRun': 'No purge yet.',
  'rt.months': 'Retention of per-participant data (months, 1 to {max})',
  'rt.save': 'Save the period',
  'rt.reset': 'Go back to the environment value',
  'rt.saved': 'Retention period saved: {months} months.',
  'rt.purge': 'Run the purge now',
  'rt.purged': 'Purge done: {sessions} {sessions|session|sessions} purged.',
  'rt.purgeBusy': 'A purge is already running on another server.',
  'au.title': 'Audit trail',
  'au.lead': 'Who created, prepared, ran, erased or exported what, and when (the latest 500 lines of the filter).',
  'au.from': 'From',
  'au.to': 'To',
  'au.action': 'Action (start of the name, for example session.)',
  'au.filter': 'Filter',
  'au.when': 'When',
  'au.who': 'Who',
  'au.what': 'Action',
  'au.target': 'On',
  'au.detail': 'Detail',
  'au.nobody': 'system',
  'au.none': 'No line for this filter.',
  'sd.export': 'Export (JSON)',
  'sd.erase': 'Erase the data',
  'sd.title': 'Erase the participants’ data of session {code}',
  'sd.explain': 'This session’s nicknames, individual answers, grids and comments will be erased for good. Aggregated statistics stay in the reports. This action is recorded in the audit trail.',
  'sd.confirmLabel': 'To confirm, type the session code ({code})',
  'sd.confirm': 'Erase for good',
  'sd.cancel': 'Cancel',
  'sd.done': 'Participants’ data of session {code} erased.',
  'sd.already': 'Participants’ data of session {code} had already been erased.',
};

/** The message for `key`, with `{name}` placeholders replaced. */
export const rt = translator({ fr, en });

export const catalogues = { fr, en };

/** A date and time as people read them in the page's language. */
export function when(iso) {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}
