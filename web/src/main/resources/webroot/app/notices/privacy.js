// The privacy notice (RGPD articles 13 and 14), in plain words, French first. `facts` comes from
// GET /api/notices: organisation, contact (either may be null), retentionMonths, liveRetentionHours.
import { html } from 'lit';

const contactLine = (facts, none) => (facts.contact ? html`<strong data-testid="notice-contact">${facts.contact}</strong>` : none);

export default {
  fr: {
    title: 'Données personnelles',
    body: (f) => html`
      <p>Atelier sert à animer des ateliers collectifs en direct : vous rejoignez une séance avec un code,
        vous répondez depuis votre téléphone et l’écran de la salle montre les résultats. Cette page dit
        ce qu’Atelier garde sur vous, pourquoi, combien de temps, et comment faire valoir vos droits.</p>

      <h2>Qui est responsable ?</h2>
      <p>Le responsable des données est
        <strong data-testid="notice-organisation">${f.organisation ?? "l’organisme qui a installé ce site Atelier"}</strong>.
        Pour toute question ou demande : ${contactLine(f, html`adressez-vous à la personne qui anime votre atelier, qui transmettra à son organisme`)}.</p>

      <h2>Ce qui est collecté</h2>
      <ul>
        <li><strong>Un pseudo</strong>, celui que vous tapez pour rejoindre la séance. Il n’a pas besoin d’être votre vrai nom :
          un prénom, des initiales ou un surnom suffisent.</li>
        <li><strong>Vos réponses</strong> pendant l’atelier : choix, votes, textes, idées, commentaires, votre équipe, et
          le questionnaire de satisfaction de la fin.</li>
        <li>Dans votre navigateur seulement : un jeton qui vous permet de revenir dans la séance si la page se recharge,
          et la langue choisie. Ce ne sont pas des cookies publicitaires ; vous pouvez les effacer à tout moment.</li>
      </ul>
      <p>Atelier ne vous demande ni nom, ni adresse électronique, ni numéro de téléphone. Il n’y a ni publicité, ni mesure
        d’audience, ni service extérieur : polices, images et programmes viennent tous de ce site, et aucune donnée
        n’est envoyée à un tiers. Votre adresse IP sert seulement, le temps de la connexion, à limiter les abus ; elle n’est
        pas enregistrée avec vos réponses.</p>

      <h2>Pourquoi ?</h2>
      <p>Pour faire fonctionner l’atelier (montrer vos réponses à l’animateur ou à l’animatrice et à la salle, garder votre place si votre
        téléphone se déconnecte), puis pour en établir la synthèse et des statistiques qui aident l’organisme à améliorer
        ses ateliers. La base légale est la mission d’intérêt public de l’organisme ou, pour une association, son intérêt
        légitime à animer ses ateliers.</p>

      <h2>Combien de temps ?</h2>
      <ul>
        <li>Pendant la séance et jusqu’à <strong data-testid="notice-live-hours">${f.liveRetentionHours} heures</strong> après sa fin,
          la séance en cours est gardée en mémoire pour l’animation.</li>
        <li>Ensuite, l’archive de la séance (votre pseudo et vos réponses) est gardée
          <strong data-testid="notice-retention">${f.retentionMonths} mois</strong>, puis effacée.</li>
        <li>Après ce délai ne restent que des chiffres d’ensemble (nombre de participants, totaux des votes, moyennes),
          sans aucun pseudo ni texte libre.</li>
      </ul>

      <h2>Vos droits et comment les exercer</h2>
      <p>Vous pouvez demander à voir les données qui vous concernent, à les faire corriger ou effacer, ou vous opposer à
        leur utilisation. Pendant la séance, vous pouvez la quitter (bouton « Quitter la session »). Après la séance,
        écrivez à
        ${contactLine(f, html`l’organisme qui a animé l’atelier`)} en donnant le code de la séance, sa date et votre
        pseudo : c’est le seul moyen de vous retrouver, puisque nous ne connaissons pas votre nom. Une réponse vous est
        due dans un délai d’un mois.</p>
      <p>Si vous pensez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL :
        <a href="https://www.cnil.fr/fr/plaintes">www.cnil.fr/fr/plaintes</a>.</p>`,
  },
  en: {
    title: 'Personal data',
    body: (f) => html`
      <p>Atelier runs live group workshops: you join a session with a code, you answer from your phone and the room’s
        screen shows the results. This page says what Atelier keeps about you, why, for how long, and how to use your
        rights.</p>

      <h2>Who is responsible?</h2>
      <p>The controller of the data is
        <strong data-testid="notice-organisation">${f.organisation ?? 'the body that runs this Atelier site'}</strong>.
        For any question or request: ${contactLine(f, html`ask the person running your workshop, who will pass it on to their organisation`)}.</p>

      <h2>What is collected</h2>
      <ul>
        <li><strong>A nickname</strong>, the one you type to join the session. It need not be your real name: a first
          name, initials or a pseudonym will do.</li>
        <li><strong>Your answers</strong> during the workshop: choices, votes, texts, ideas, comments, your team, and the
          satisfaction questionnaire at the end.</li>
        <li>In your browser only: a token that lets you back into the session if the page reloads, and the language you
          chose. These are not advertising cookies; you can clear them at any time.</li>
      </ul>
      <p>Atelier asks for no name, e-mail address or phone number. There are no ads, no audience measurement and no
        outside service: fonts, images and scripts all come from this site, and no data is sent to anyone else. Your IP
        address is only used, while you are connected, to limit abuse; it is not stored with your answers.</p>

      <h2>Why?</h2>
      <p>To run the workshop (show your answers to the facilitator and the room, keep your place if your phone
        disconnects), then to write its summary and statistics that help the organisation improve its workshops. The
        legal basis is the organisation’s public-interest task or, for an association, its legitimate interest in running
        its workshops.</p>

      <h2>How long?</h2>
      <ul>
        <li>During the session and up to <strong data-testid="notice-live-hours">${f.liveRetentionHours} hours</strong> after it ends,
          the live session is kept in memory for the facilitator.</li>
        <li>Then the session’s archive (your nickname and answers) is kept for
          <strong data-testid="notice-retention">${f.retentionMonths} months</strong>, then erased.</li>
        <li>After that, only overall figures remain (number of participants, vote totals, averages), with no nickname
          and no free text.</li>
      </ul>

      <h2>Your rights and how to use them</h2>
      <p>You may ask to see the data about you, to have it corrected or erased, or object to its use. During the session
        you can leave it ("Leave the session" button). After the session, write to ${contactLine(f, html`the organisation that ran the workshop`)} giving the session’s code, its
        date and your nickname: that is the only way to find you, since we do not know your name. You are owed an answer
        within one month.</p>
      <p>If you think your rights are not respected, you may complain to the CNIL, the French data protection authority:
        <a href="https://www.cnil.fr/fr/plaintes">www.cnil.fr/fr/plaintes</a>.</p>`,
  },
};
