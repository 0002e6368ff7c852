// The accessibility statement in the RGAA’s form (état de conformité, résultats des tests, contenus
// non accessibles, établissement de la déclaration, retour d’information, voies de recours), French
// first. No audit has been done: under the RGAA the site is then "non conforme", whatever our own
// automated tests find; they are reported as what they are. `facts` comes from GET /api/notices.
import { html } from 'lit';

const STATED = '6 décembre 2026';
const STATED_EN = '6 December 2026';
const DDD_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DDD_DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

export default {
  fr: {
    title: "Déclaration d’accessibilité",
    body: (f) => html`
      <p><strong data-testid="notice-organisation">${f.organisation ?? "L’organisme qui a installé ce site Atelier"}</strong>
        s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du
        11 février 2005. Cette déclaration s’applique au site Atelier : page d’accueil, pages du participant
        (rejoindre une séance et y prendre part depuis un téléphone, dans les cinq formats : sondage, cartes, quiz,
        hackathon, priorisation), console d’animation, écran de projection, synthèse, espace de coordination et
        espace de travail des animateurs et animatrices.</p>

      <h2>État de conformité</h2>
      <p data-testid="conformance">Le site Atelier est <strong>non conforme</strong> avec le RGAA version 4.1.2 : au sens
        du référentiel, un site sans audit en cours de validité est non conforme, et aucun audit RGAA n’a encore été
        réalisé. Le taux de conformité aux critères du RGAA n’est donc pas mesuré.</p>

      <h2>Résultats des tests</h2>
      <p>Aucun audit complet par un tiers n’a été fait. Ce que nos propres tests automatiques vérifient, à chaque
        modification du logiciel :</p>
      <ul data-testid="test-results">
        <li>Chaque état d’écran que parcourent les tests dans un vrai navigateur (plus de cent états : accueil,
          téléphone dans chaque format, console, écran de projection, synthèse, espace de travail, ces pages
          d’information) est contrôlé par axe-core avec les règles WCAG 2.1 niveaux A et AA : aucune violation
          n’est acceptée.</li>
        <li>Pour chacun des cinq formats, une personne qui n’utilise que le clavier (Tab, Maj+Tab, Entrée, Espace,
          flèches) rejoint la séance et y participe ; chaque contrôle qu’elle utilise a un nom dans l’arbre
          d’accessibilité, celui que lit un lecteur d’écran.</li>
        <li>Les pages du participant sont affichées sur 320 pixels de large (l’équivalent d’un zoom à 400 % sur un écran
          de 1 280 pixels) : pas de défilement horizontal, contrastes des couleurs conformes.</li>
        <li>Aucune page ne charge quoi que ce soit depuis un autre site.</li>
      </ul>
      <p>Ces tests couvrent une partie des critères du RGAA seulement : ils ne remplacent ni un audit ni des essais avec
        des lecteurs d’écran réels, qui n’ont pas encore eu lieu.</p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <ul>
        <li>L’écran de projection est fait pour être vu de loin dans la salle ; tout ce qu’il montre se trouve aussi
          sur le téléphone du participant et sur la console d’animation.</li>
        <li>Les questions chronométrées du quiz et les étapes minutées : seul l’animateur ou l’animatrice peut prolonger ou arrêter le
          temps ; un participant qui a besoin de plus de temps doit le lui demander.</li>
        <li>Aucun essai n’a encore été fait avec un lecteur d’écran réel (NVDA, JAWS, VoiceOver, TalkBack) : des défauts
          que les tests automatiques ne voient pas peuvent rester, en particulier dans la console d’animation.</li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
      <p>Les textes saisis par les participants et les animateurs ou animatrices pendant les ateliers, et les sites extérieurs vers
        lesquels pointent des liens.</p>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le <span data-testid="stated">${STATED}</span>.</p>
      <ul>
        <li>Technologies utilisées : HTML5, CSS, JavaScript (Lit), WAI-ARIA.</li>
        <li>Outils de test : axe-core 4.11 (règles WCAG 2.1 A et AA), navigateur Chromium sans interface, piloté par
          Selenium 4 ; arbre d’accessibilité lu par le protocole DevTools de Chromium.</li>
        <li>Pages vérifiées : toutes celles listées au début de cette déclaration.</li>
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez
        ${f.contact ? html`<strong data-testid="notice-contact">${f.contact}</strong>` : html`l’organisme qui a animé votre atelier`}
        pour être orienté vers une solution accessible ou obtenir le contenu sous une autre forme.</p>

      <h2>Voies de recours</h2>
      <p>Si vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu
        ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :</p>
      <ul data-testid="remedies">
        <li>écrire un message au Défenseur des droits : <a href=${DDD_FORM}>formulaire.defenseurdesdroits.fr</a> ;</li>
        <li>contacter le délégué du Défenseur des droits dans votre région : <a href=${DDD_DELEGATES}>www.defenseurdesdroits.fr/saisir/delegues</a> ;</li>
        <li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :
          <address>Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07</address></li>
      </ul>`,
  },
  en: {
    title: 'Accessibility statement',
    body: (f) => html`
      <p><strong data-testid="notice-organisation">${f.organisation ?? 'The body that runs this Atelier site'}</strong>
        is committed to making its digital services accessible, as French law requires (article 47 of law no. 2005-102
        of 11 February 2005). This statement applies to the Atelier site: home page, participant pages (joining a
        session and taking part from a phone, in the five formats: poll, cards, quiz, hackathon, prioritisation),
        facilitator console, projector screen, summary, coordination space and facilitators' workspace.</p>

      <h2>Compliance status</h2>
      <p data-testid="conformance">The Atelier site is <strong>not compliant</strong> with the RGAA (the French accessibility
        framework) version 4.1.2: under the framework, a site without a valid audit is not compliant, and no RGAA audit
        has been done yet. Its rate of compliance with the RGAA criteria is therefore not measured.</p>

      <h2>Test results</h2>
      <p>No full audit by a third party has been done. What our own automated tests check, on every change to the
        software:</p>
      <ul data-testid="test-results">
        <li>Every screen state the tests go through in a real browser (more than a hundred: home page, phone in each
          format, console, projector screen, summary, workspace, these notices) is checked by axe-core against the WCAG
          2.1 level A and AA rules: no violation is accepted.</li>
        <li>For each of the five formats, a person using only the keyboard (Tab, Shift+Tab, Enter, Space, arrows) joins
          the session and takes part; every control they use has a name in the accessibility tree, the one a screen
          reader reads out.</li>
        <li>The participant pages are shown 320 pixels wide (the same as a 400 % zoom on a 1,280-pixel screen): no
          horizontal scrolling, colour contrasts compliant.</li>
        <li>No page loads anything from another site.</li>
      </ul>
      <p>These tests cover only part of the RGAA criteria: they replace neither an audit nor trials with real screen
        readers, which have not taken place yet.</p>

      <h2>Non-accessible content</h2>
      <h3>Known non-compliance</h3>
      <ul>
        <li>The projector screen is made to be seen from across the room; everything it shows is also on the
          participant’s phone and on the facilitator’s console.</li>
        <li>Timed quiz questions and timed steps: only the facilitator can extend or stop the time; a participant who
          needs more time has to ask them.</li>
        <li>No trial with a real screen reader (NVDA, JAWS, VoiceOver, TalkBack) has been done yet: faults that the
          automated tests do not see may remain, in particular in the facilitator’s console.</li>
      </ul>
      <h3>Exemptions for disproportionate burden</h3>
      <p>None.</p>
      <h3>Content outside the scope of the obligation</h3>
      <p>Texts typed by participants and facilitators during workshops, and the outside sites that links point to.</p>

      <h2>How this statement was made</h2>
      <p>This statement was made on <span data-testid="stated">${STATED_EN}</span>.</p>
      <ul>
        <li>Technologies used: HTML5, CSS, JavaScript (Lit), WAI-ARIA.</li>
        <li>Test tools: axe-core 4.11 (WCAG 2.1 A and AA rules), headless Chromium driven by Selenium 4; accessibility
          tree read through Chromium’s DevTools protocol.</li>
        <li>Pages checked: all those listed at the top of this statement.</li>
      </ul>

      <h2>Feedback and contact</h2>
      <p>If you cannot reach some content or service, contact
        ${f.contact ? html`<strong data-testid="notice-contact">${f.contact}</strong>` : html`the organisation that ran your workshop`}
        to be offered an accessible alternative or get the content in another form.</p>

      <h2>Remedies</h2>
      <p>If you have told the site’s owner about an accessibility problem that keeps you from some content or service
        and did not get a satisfactory answer, you can (in French):</p>
      <ul data-testid="remedies">
        <li>write to the Défenseur des droits (the French rights ombudsman): <a href=${DDD_FORM} hreflang="fr">formulaire.defenseurdesdroits.fr</a>;</li>
        <li>contact the Défenseur des droits' delegate in your region: <a href=${DDD_DELEGATES} hreflang="fr">www.defenseurdesdroits.fr/saisir/delegues</a>;</li>
        <li>send a letter by post (free of charge, no stamp needed):
          <address lang="fr">Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07</address></li>
      </ul>`,
  },
};
