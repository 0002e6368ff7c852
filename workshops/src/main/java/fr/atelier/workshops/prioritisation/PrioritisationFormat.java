package fr.atelier.workshops.prioritisation;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.AddAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Contribute;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.CreateTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Edit;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.EditProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Group;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Hide;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.HideProposal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Merge;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Propose;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Rate;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RemoveAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RemoveTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RenameTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Reveal;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetProfile;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.SetStage;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Settings;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Unmerge;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UpdateAction;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UseProject;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Vote;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionAdded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ActionUpdated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Contributed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionMerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ContributionUnmerged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProjectLoaded;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalEdited;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProposalHidden;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Proposed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Rated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Revealed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.SettingsChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRemoved;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRenamed;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Project;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.PrioritisationState.VoteSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Dessine-moi le travail" (SPRO action 5): a project on a job, a territory and a target public,
 * over one or more sessions. Participants share anonymous contributions; the facilitator moderates
 * them and groups them into themes; proposals are voted with dots and rated for impact and
 * feasibility; the revealed ranking feeds an action plan that later sessions of the project update.
 */
public final class PrioritisationFormat implements Format<PrioritisationState, PrioritisationCommand, PrioritisationEvent> {
    public static final String ID = "prioritisation";
    public static final int TEXT_MAX = 280;
    public static final int THEME_NAME_MAX = 80;
    public static final int LEAD_MAX = 120;
    public static final int PER_PARTICIPANT_MAX = 30;
    public static final int CONTRIBUTIONS_MAX = 1500;
    public static final int THEMES_MAX = 100;
    public static final int PROPOSALS_MAX = 200;
    public static final int ACTIONS_MAX = 100;
    public static final int BUDGET_MAX = 20;
    public static final int SELECTION_MAX = 300;
    public static final int RATING_MIN = 1;
    public static final int RATING_MAX = 5;
    static final Pattern TAG = Pattern.compile("[a-z0-9]{3,12}");
    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int KEY_MIN = 16;
    static final int KEY_MAX = 100;
    static final String FORBIDDEN = "Seul l'animateur ou l'animatrice peut faire cela.";

    @Override public String id() { return ID; }
    @Override public String title() { return "Dessine-moi le travail"; }
    @Override public Class<PrioritisationState> stateType() { return PrioritisationState.class; }
    @Override public Class<PrioritisationCommand> commandType() { return PrioritisationCommand.class; }
    @Override public Class<PrioritisationEvent> eventType() { return PrioritisationEvent.class; }
    @Override public PrioritisationState initialState() { return PrioritisationState.INITIAL; }

    @Override
    public Decision<PrioritisationEvent> decide(PrioritisationState s, Roster roster, Actor who, PrioritisationCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof SetProfile p) {
            return setProfile(s, who, p, at);
        }
        if (c instanceof Contribute k) {
            return contribute(s, who, k, at);
        }
        if (c instanceof Vote v) {
            return vote(s, who, v, at);
        }
        if (c instanceof Rate r) {
            return rate(s, who, r, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", FORBIDDEN);
        }
        if (c instanceof UseProject u) {
            return useProject(s, u, at);
        }
        if (c instanceof Hide h) {
            return hide(s, h, at);
        }
        if (c instanceof Edit e) {
            return edit(s, e, at);
        }
        if (c instanceof Merge m) {
            return merge(s, m, at);
        }
        if (c instanceof Unmerge u) {
            Contribution x = s.contributions().get(u.contributionId());
            if (x == null) {
                return notFoundContribution();
            }
            return x.mergedInto() == null ? Decision.accept(List.of()) : Decision.accept(new ContributionUnmerged(x.id(), at));
        }
        if (c instanceof CreateTheme ct) {
            return createTheme(s, ct, at);
        }
        if (c instanceof RenameTheme rt) {
            return renameTheme(s, rt, at);
        }
        if (c instanceof Group g) {
            return group(s, g, at);
        }
        if (c instanceof RemoveTheme rt) {
            Theme t = s.themes().get(rt.themeId());
            if (t == null || t.removed()) {
                return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
            }
            return Decision.accept(new ThemeRemoved(t.id(), at));
        }
        if (c instanceof Propose p) {
            return propose(s, p, at);
        }
        if (c instanceof EditProposal ep) {
            return editProposal(s, ep, at);
        }
        if (c instanceof HideProposal hp) {
            return hideProposal(s, hp, at);
        }
        if (c instanceof SetStage st) {
            return setStage(s, st, at);
        }
        if (c instanceof Settings st) {
            return settings(s, st, at);
        }
        if (c instanceof Reveal) {
            return reveal(s, at);
        }
        if (c instanceof AddAction a) {
            return addAction(s, a, at);
        }
        if (c instanceof UpdateAction u) {
            return updateAction(s, u, at);
        }
        if (c instanceof RemoveAction r) {
            Action a = s.actions().get(r.actionId());
            if (a == null || a.removed()) {
                return notFoundAction();
            }
            return Decision.accept(new ActionRemoved(a.id(), at));
        }
        throw new IllegalStateException("unknown command " + c);
    }

    // ---- project ----------------------------------------------------------------------------

    private Decision<PrioritisationEvent> useProject(PrioritisationState s, UseProject u, long at) {
        if (s.project() != null) {
            return Decision.reject("wrong_phase", "Le projet de cette session est déjà choisi.");
        }
        if (!s.blank()) {
            return Decision.reject("wrong_phase", "Choisissez le projet avant de commencer : cette session contient déjà des contributions.");
        }
        if (u.projectKey() == null || u.projectKey().length() < KEY_MIN || u.projectKey().length() > KEY_MAX) {
            return Decision.reject("invalid", "Clé de projet invalide.");
        }
        if (u.tag() == null || !TAG.matcher(u.tag()).matches()) {
            return Decision.reject("invalid", "Étiquette de session invalide (3 à 12 lettres minuscules ou chiffres).");
        }
        ProjectSnapshot p = u.project();
        if (p == null || p.id() == null || !ITEM_ID.matcher(p.id()).matches()) {
            return Decision.reject("invalid", "Projet invalide : identifiant manquant.");
        }
        String sector = Text.clean(p.sector());
        String territory = Text.clean(p.territory());
        String targetPublic = Text.clean(p.targetPublic());
        String name = Text.clean(p.name());
        if (sector.isEmpty() || sector.length() > ProjectSnapshot.SECTOR_MAX || territory.length() > ProjectSnapshot.TERRITORY_MAX
                || targetPublic.length() > ProjectSnapshot.PUBLIC_MAX || name.length() > ProjectSnapshot.NAME_MAX || p.sessions() < 0) {
            return Decision.reject("invalid", "Projet invalide : secteur, territoire ou public mal renseigné.");
        }
        if (p.contributions().size() > ProjectSnapshot.CONTRIBUTIONS_MAX || p.themes().size() > ProjectSnapshot.THEMES_MAX
                || p.proposals().size() > ProjectSnapshot.PROPOSALS_MAX || p.actions().size() > ProjectSnapshot.ACTIONS_MAX) {
            return Decision.reject("invalid", "Projet trop volumineux pour être repris dans une session.");
        }
        String problem = problemWithCarriedIds(p, u.tag());
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        Set<String> themeIds = new HashSet<>();
        List<Theme> themes = new ArrayList<>();
        for (Theme t : p.themes()) {
            String tn = Text.clean(t.name());
            if (tn.isEmpty() || tn.length() > THEME_NAME_MAX) {
                return Decision.reject("invalid", "Projet invalide : thème « " + t.id() + " » sans nom valide.");
            }
            themeIds.add(t.id());
            themes.add(new Theme(t.id(), tn, t.removed(), true, t.createdAt(), t.updatedAt()));
        }
        Map<String, Contribution> byId = new LinkedHashMap<>();
        for (Contribution c : p.contributions()) {
            byId.put(c.id(), c);
        }
        List<Contribution> contributions = new ArrayList<>();
        for (Contribution c : p.contributions()) {
            String text = Text.clean(c.text());
            if (text.isEmpty() || length(text) > TEXT_MAX || !Vocabulary.KINDS.containsKey(c.kind())
                    || !Vocabulary.CATEGORIES.containsKey(c.category()) || !Vocabulary.isProfile(c.profile())) {
                return Decision.reject("invalid", "Projet invalide : contribution « " + c.id() + " » mal formée.");
            }
            if (c.themeId() != null && !themeIds.contains(c.themeId())) {
                return Decision.reject("invalid", "Projet invalide : contribution « " + c.id() + " » dans un thème inconnu.");
            }
            if (c.mergedInto() != null) {
                Contribution into = byId.get(c.mergedInto());
                if (into == null || into.id().equals(c.id()) || into.mergedInto() != null) {
                    return Decision.reject("invalid", "Projet invalide : fusion de « " + c.id() + " » incohérente.");
                }
            }
            contributions.add(new Contribution(c.id(), c.profile(), c.kind(), c.category(), text, c.hidden(), c.mergedInto(),
                    c.themeId(), true, c.createdAt(), c.updatedAt()));
        }
        Set<String> proposalIds = new HashSet<>();
        List<Proposal> proposals = new ArrayList<>();
        for (Proposal pr : p.proposals()) {
            String text = Text.clean(pr.text());
            boolean sourceOk = "participant".equals(pr.source()) || "facilitator".equals(pr.source());
            if (text.isEmpty() || length(text) > TEXT_MAX || !sourceOk || (pr.profile() != null && !Vocabulary.isProfile(pr.profile()))
                    || (pr.themeId() != null && !themeIds.contains(pr.themeId()))
                    || (pr.contributionId() != null && !byId.containsKey(pr.contributionId()))) {
                return Decision.reject("invalid", "Projet invalide : proposition « " + pr.id() + " » mal formée.");
            }
            proposalIds.add(pr.id());
            proposals.add(new Proposal(pr.id(), text, pr.themeId(), pr.contributionId(), pr.source(), pr.profile(), pr.hidden(), true,
                    pr.createdAt(), pr.updatedAt()));
        }
        List<Action> actions = new ArrayList<>();
        for (Action a : p.actions()) {
            String title = Text.clean(a.title());
            String lead = a.lead() == null ? null : emptyToNull(Text.clean(a.lead()));
            if (title.isEmpty() || length(title) > TEXT_MAX || (lead != null && length(lead) > LEAD_MAX)
                    || !Vocabulary.STATUSES.containsKey(a.status()) || problemWithDeadline(a.deadline()) != null
                    || (a.proposalId() != null && !proposalIds.contains(a.proposalId()))) {
                return Decision.reject("invalid", "Projet invalide : action « " + a.id() + " » mal formée.");
            }
            actions.add(new Action(a.id(), a.proposalId(), title, lead, emptyToNull(a.deadline()), a.status(), a.removed(), true,
                    a.createdAt(), a.updatedAt()));
        }
        Project project = new Project(p.id(), ProjectSnapshot.displayName(name, sector, territory), sector, territory, targetPublic,
                sha256(u.projectKey()), p.sessions());
        return Decision.accept(new ProjectLoaded(project, u.tag(), contributions, themes, proposals, actions, at));
    }

    /** Ids must be well formed, unique, and not look like the ids this session will draw. */
    private static String problemWithCarriedIds(ProjectSnapshot p, String tag) {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        p.contributions().forEach(c -> all.add(c.id()));
        p.themes().forEach(t -> all.add(t.id()));
        p.proposals().forEach(x -> all.add(x.id()));
        p.actions().forEach(a -> all.add(a.id()));
        for (String id : all) {
            if (id == null || !ITEM_ID.matcher(id).matches()) {
                return "Projet invalide : identifiant d'élément mal formé.";
            }
            if (!seen.add(id)) {
                return "Projet invalide : identifiant « " + id + " » en double.";
            }
            if (id.startsWith(tag + "-")) {
                return "Étiquette de session déjà utilisée dans ce projet : réessayez.";
            }
        }
        return null;
    }

    // ---- participants ----------------------------------------------------------------------

    private Decision<PrioritisationEvent> setProfile(PrioritisationState s, Actor who, SetProfile p, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants choisissent un profil.");
        }
        String profile = p.profile() == null ? Vocabulary.UNSPECIFIED : p.profile();
        if (!Vocabulary.isProfile(profile)) {
            return Decision.reject("invalid", "Profil inconnu.");
        }
        if (profile.equals(s.profiles().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ProfileChosen(me.id(), profile, at));
    }

    private Decision<PrioritisationEvent> contribute(PrioritisationState s, Actor who, Contribute k, long at) {
        String author;
        String profile;
        if (who instanceof Actor.Participant me) {
            if (s.stage() != Stage.COLLECT) {
                return Decision.reject("wrong_phase", "La collecte des contributions est fermée pour le moment.");
            }
            if (k.profile() != null) {
                return Decision.reject("invalid", "Votre profil se choisit une fois pour toutes, pas à chaque contribution.");
            }
            if (s.contributionsBy(me.id()) >= PER_PARTICIPANT_MAX) {
                return Decision.reject("invalid", "Vous avez atteint " + PER_PARTICIPANT_MAX + " contributions : merci pour votre participation !");
            }
            author = me.id();
            profile = s.profileOf(me.id());
        } else if (who instanceof Actor.Facilitator) {
            author = null;
            profile = k.profile() == null ? Vocabulary.UNSPECIFIED : k.profile();
            if (!Vocabulary.isProfile(profile)) {
                return Decision.reject("invalid", "Profil inconnu.");
            }
        } else {
            return Decision.reject("forbidden", "Rejoignez la session pour contribuer.");
        }
        String text = Text.clean(k.text());
        if (text.isEmpty() || length(text) > TEXT_MAX) {
            return Decision.reject("invalid", "Une contribution fait de 1 à " + TEXT_MAX + " caractères.");
        }
        if (!Vocabulary.KINDS.containsKey(k.kind())) {
            return Decision.reject("invalid", "Choisissez le type de contribution : représentation, vécu, difficulté ou proposition.");
        }
        if (!Vocabulary.CATEGORIES.containsKey(k.category())) {
            return Decision.reject("invalid", "Choisissez une catégorie : conditions de travail, recrutement, communication, valorisation ou autre.");
        }
        if (s.contributions().size() >= CONTRIBUTIONS_MAX) {
            return Decision.reject("invalid", "Le mur est plein (" + CONTRIBUTIONS_MAX + " contributions).");
        }
        return Decision.accept(new Contributed(s.nextId("c"), author, profile, k.kind(), k.category(), text, at));
    }

    private Decision<PrioritisationEvent> vote(PrioritisationState s, Actor who, Vote v, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants votent.");
        }
        Decision<PrioritisationEvent> closed = voteClosed(s);
        if (closed != null) {
            return closed;
        }
        Proposal p = s.proposals().get(v.proposalId());
        if (!s.visible(p)) {
            return Decision.reject("not_found", "Cette proposition n'est plus soumise au vote.");
        }
        int max = s.settings().maxPerProposal();
        if (v.dots() == null || v.dots() < 0 || v.dots() > max) {
            return Decision.reject("invalid", "De 0 à " + max + " gommette(s) par proposition.");
        }
        int current = s.ballot(me.id(), p.id()).dots();
        if (v.dots() == current) {
            return Decision.accept(List.of());
        }
        int left = s.settings().budget() - s.dotsUsed(me.id()) + current;
        if (v.dots() > current && v.dots() > left) {
            return Decision.reject("invalid", left <= 0 ? "Vous avez placé toutes vos gommettes : retirez-en une ailleurs d'abord."
                    : "Il ne vous reste que " + left + " gommette(s).");
        }
        return Decision.accept(new DotsPlaced(me.id(), p.id(), v.dots(), at));
    }

    private Decision<PrioritisationEvent> rate(PrioritisationState s, Actor who, Rate r, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants votent.");
        }
        Decision<PrioritisationEvent> closed = voteClosed(s);
        if (closed != null) {
            return closed;
        }
        if (!s.settings().ratings()) {
            return Decision.reject("wrong_phase", "L'impact et la faisabilité ne sont pas notés dans ce vote.");
        }
        Proposal p = s.proposals().get(r.proposalId());
        if (!s.visible(p)) {
            return Decision.reject("not_found", "Cette proposition n'est plus soumise au vote.");
        }
        if (!ratingOk(r.impact()) || !ratingOk(r.feasibility())) {
            return Decision.reject("invalid", "Les notes vont de " + RATING_MIN + " à " + RATING_MAX + ".");
        }
        Ballot b = s.ballot(me.id(), p.id());
        if (java.util.Objects.equals(b.impact(), r.impact()) && java.util.Objects.equals(b.feasibility(), r.feasibility())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Rated(me.id(), p.id(), r.impact(), r.feasibility(), at));
    }

    private static Decision<PrioritisationEvent> voteClosed(PrioritisationState s) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Trop tard : les résultats du vote sont dévoilés.");
        }
        if (s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Le vote n'est pas ouvert.");
        }
        return null;
    }

    private static boolean ratingOk(Integer r) {
        return r == null || (r >= RATING_MIN && r <= RATING_MAX);
    }

    // ---- moderation -------------------------------------------------------------------------

    private Decision<PrioritisationEvent> hide(PrioritisationState s, Hide h, long at) {
        Contribution c = s.contributions().get(h.contributionId());
        if (c == null) {
            return notFoundContribution();
        }
        if (h.hidden() == null) {
            return Decision.reject("invalid", "Précisez s'il faut masquer ou réafficher la contribution.");
        }
        return c.hidden() == h.hidden() ? Decision.accept(List.of()) : Decision.accept(new ContributionHidden(c.id(), h.hidden(), at));
    }

    private Decision<PrioritisationEvent> edit(PrioritisationState s, Edit e, long at) {
        Contribution c = s.contributions().get(e.contributionId());
        if (c == null) {
            return notFoundContribution();
        }
        String text = e.text() == null ? c.text() : Text.clean(e.text());
        if (text.isEmpty() || length(text) > TEXT_MAX) {
            return Decision.reject("invalid", "Une contribution fait de 1 à " + TEXT_MAX + " caractères.");
        }
        String kind = e.kind() == null ? c.kind() : e.kind();
        String category = e.category() == null ? c.category() : e.category();
        if (!Vocabulary.KINDS.containsKey(kind) || !Vocabulary.CATEGORIES.containsKey(category)) {
            return Decision.reject("invalid", "Type ou catégorie inconnus.");
        }
        if (text.equals(c.text()) && kind.equals(c.kind()) && category.equals(c.category())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ContributionEdited(c.id(), text, kind, category, at));
    }

    private Decision<PrioritisationEvent> merge(PrioritisationState s, Merge m, long at) {
        Contribution c = s.contributions().get(m.contributionId());
        Contribution into = s.contributions().get(m.intoId());
        if (c == null || into == null) {
            return notFoundContribution();
        }
        into = s.root(into);
        if (into.id().equals(c.id())) {
            return Decision.reject("invalid", "Une contribution ne peut pas être fusionnée avec elle-même.");
        }
        if (into.id().equals(c.mergedInto())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ContributionMerged(c.id(), into.id(), at));
    }

    // ---- themes -----------------------------------------------------------------------------

    private Decision<PrioritisationEvent> createTheme(PrioritisationState s, CreateTheme ct, long at) {
        String name = cleanName(ct.name());
        String problem = problemWithThemeName(s, name, null);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        if (s.liveThemes() >= THEMES_MAX) {
            return Decision.reject("invalid", "Pas plus de " + THEMES_MAX + " thèmes.");
        }
        List<String> ids = new ArrayList<>();
        if (ct.contributionIds() != null) {
            Decision<PrioritisationEvent> bad = resolveRoots(s, ct.contributionIds(), ids);
            if (bad != null) {
                return bad;
            }
        }
        String id = s.nextId("t");
        List<PrioritisationEvent> events = new ArrayList<>();
        events.add(new ThemeCreated(id, name, at));
        if (!ids.isEmpty()) {
            events.add(new Grouped(id, ids, at));
        }
        return Decision.accept(events);
    }

    private Decision<PrioritisationEvent> renameTheme(PrioritisationState s, RenameTheme rt, long at) {
        Theme t = s.themes().get(rt.themeId());
        if (t == null || t.removed()) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        String name = cleanName(rt.name());
        if (name.equals(t.name())) {
            return Decision.accept(List.of());
        }
        String problem = problemWithThemeName(s, name, t.id());
        return problem != null ? Decision.reject("invalid", problem) : Decision.accept(new ThemeRenamed(t.id(), name, at));
    }

    private Decision<PrioritisationEvent> group(PrioritisationState s, Group g, long at) {
        if (g.themeId() != null) {
            Theme t = s.themes().get(g.themeId());
            if (t == null || t.removed()) {
                return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
            }
        }
        if (g.contributionIds() == null || g.contributionIds().isEmpty()) {
            return Decision.reject("invalid", "Sélectionnez au moins une contribution.");
        }
        List<String> ids = new ArrayList<>();
        Decision<PrioritisationEvent> bad = resolveRoots(s, g.contributionIds(), ids);
        if (bad != null) {
            return bad;
        }
        ids.removeIf(id -> java.util.Objects.equals(s.contributions().get(id).themeId(), g.themeId()));
        return ids.isEmpty() ? Decision.accept(List.of()) : Decision.accept(new Grouped(g.themeId(), ids, at));
    }

    /** Merged contributions follow the one they are merged into: a selection is resolved to those. */
    private static Decision<PrioritisationEvent> resolveRoots(PrioritisationState s, List<String> selection, List<String> out) {
        if (selection.size() > SELECTION_MAX) {
            return Decision.reject("invalid", "Pas plus de " + SELECTION_MAX + " contributions à la fois.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : selection) {
            Contribution c = id == null ? null : s.contributions().get(id);
            if (c == null) {
                return notFoundContribution();
            }
            seen.add(s.root(c).id());
        }
        out.addAll(seen);
        return null;
    }

    private static String cleanName(String name) {
        return Text.clean(name).replaceAll("\\s+", " ");
    }

    private static String problemWithThemeName(PrioritisationState s, String name, String except) {
        if (name.isEmpty() || length(name) > THEME_NAME_MAX) {
            return "Le nom d'un thème fait de 1 à " + THEME_NAME_MAX + " caractères.";
        }
        String folded = Text.foldForComparison(name);
        for (Theme t : s.themes().values()) {
            if (!t.removed() && !t.id().equals(except) && Text.foldForComparison(t.name()).equals(folded)) {
                return "Un thème porte déjà ce nom.";
            }
        }
        return null;
    }

    // ---- proposals and vote -----------------------------------------------------------------

    private Decision<PrioritisationEvent> propose(PrioritisationState s, Propose p, long at) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont dévoilés : la liste des propositions est figée.");
        }
        Contribution from = null;
        if (p.contributionId() != null) {
            from = s.contributions().get(p.contributionId());
            if (from == null) {
                return notFoundContribution();
            }
            for (Proposal existing : s.proposals().values()) {
                if (!existing.hidden() && from.id().equals(existing.contributionId())) {
                    return Decision.reject("invalid", "Cette contribution est déjà une proposition.");
                }
            }
        }
        String text = Text.isBlank(p.text()) && from != null ? from.text() : Text.clean(p.text());
        if (text.isEmpty() || length(text) > TEXT_MAX) {
            return Decision.reject("invalid", "Une proposition fait de 1 à " + TEXT_MAX + " caractères.");
        }
        String themeId = p.themeId() == null && from != null ? s.root(from).themeId() : p.themeId();
        if (themeId != null && (s.themes().get(themeId) == null || s.themes().get(themeId).removed())) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        if (s.proposals().size() >= PROPOSALS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + PROPOSALS_MAX + " propositions.");
        }
        return Decision.accept(new Proposed(s.nextId("p"), text, themeId, from == null ? null : from.id(),
                from == null ? "facilitator" : "participant", from == null ? null : from.profile(), at));
    }

    private Decision<PrioritisationEvent> editProposal(PrioritisationState s, EditProposal e, long at) {
        Proposal p = s.proposals().get(e.proposalId());
        if (p == null) {
            return notFoundProposal();
        }
        String text = e.text() == null ? p.text() : Text.clean(e.text());
        if (text.isEmpty() || length(text) > TEXT_MAX) {
            return Decision.reject("invalid", "Une proposition fait de 1 à " + TEXT_MAX + " caractères.");
        }
        if (e.themeId() != null && (s.themes().get(e.themeId()) == null || s.themes().get(e.themeId()).removed())) {
            return Decision.reject("not_found", "Ce thème n'existe pas (ou plus).");
        }
        if (text.equals(p.text()) && java.util.Objects.equals(e.themeId(), p.themeId())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ProposalEdited(p.id(), text, e.themeId(), at));
    }

    private Decision<PrioritisationEvent> hideProposal(PrioritisationState s, HideProposal h, long at) {
        Proposal p = s.proposals().get(h.proposalId());
        if (p == null) {
            return notFoundProposal();
        }
        if (h.hidden() == null) {
            return Decision.reject("invalid", "Précisez s'il faut retirer ou remettre la proposition.");
        }
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont dévoilés : la liste des propositions est figée.");
        }
        return p.hidden() == h.hidden() ? Decision.accept(List.of()) : Decision.accept(new ProposalHidden(p.id(), h.hidden(), at));
    }

    private Decision<PrioritisationEvent> setStage(PrioritisationState s, SetStage st, long at) {
        Stage stage;
        try {
            stage = Stage.valueOf(st.stage() == null ? "" : st.stage().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Decision.reject("invalid", "Étape inconnue.");
        }
        if (stage == s.stage()) {
            return Decision.accept(List.of());
        }
        if (stage == Stage.VOTE) {
            if (s.revealed()) {
                return Decision.reject("wrong_phase", "Le vote est terminé : ses résultats sont dévoilés.");
            }
            if (s.proposals().values().stream().noneMatch(s::visible)) {
                return Decision.reject("wrong_phase", "Ajoutez au moins une proposition avant d'ouvrir le vote.");
            }
        }
        if (stage == Stage.RESULTS && !s.revealed()) {
            return Decision.reject("wrong_phase", "Dévoilez d'abord les résultats du vote.");
        }
        return Decision.accept(new StageChanged(stage, at));
    }

    private Decision<PrioritisationEvent> settings(PrioritisationState s, Settings st, long at) {
        if (st.budget() == null || st.budget() < 1 || st.budget() > BUDGET_MAX) {
            return Decision.reject("invalid", "Chaque participant dispose de 1 à " + BUDGET_MAX + " gommettes.");
        }
        if (st.maxPerProposal() == null || st.maxPerProposal() < 1 || st.maxPerProposal() > st.budget()) {
            return Decision.reject("invalid", "Le nombre de gommettes par proposition va de 1 au nombre total de gommettes.");
        }
        if (st.ratings() == null) {
            return Decision.reject("invalid", "Précisez si l'impact et la faisabilité sont notés.");
        }
        VoteSettings wanted = new VoteSettings(st.budget(), st.maxPerProposal(), st.ratings());
        if (wanted.equals(s.settings())) {
            return Decision.accept(List.of());
        }
        if (s.revealed() || s.anyDots()) {
            return Decision.reject("wrong_phase", "Des votes sont déjà enregistrés : les règles du vote ne changent plus.");
        }
        return Decision.accept(new SettingsChanged(wanted.budget(), wanted.maxPerProposal(), wanted.ratings(), at));
    }

    private Decision<PrioritisationEvent> reveal(PrioritisationState s, long at) {
        if (s.revealed()) {
            return Decision.reject("wrong_phase", "Les résultats sont déjà dévoilés.");
        }
        if (s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Ouvrez d'abord le vote.");
        }
        return Decision.accept(new Revealed(at), new StageChanged(Stage.RESULTS, at));
    }

    // ---- action plan ------------------------------------------------------------------------

    private Decision<PrioritisationEvent> addAction(PrioritisationState s, AddAction a, long at) {
        Proposal p = null;
        if (a.proposalId() != null) {
            p = s.proposals().get(a.proposalId());
            if (p == null) {
                return notFoundProposal();
            }
            for (Action existing : s.actions().values()) {
                if (!existing.removed() && p.id().equals(existing.proposalId())) {
                    return Decision.reject("invalid", "Cette proposition est déjà au plan d'action.");
                }
            }
        }
        String title = Text.isBlank(a.title()) && p != null ? p.text() : Text.clean(a.title());
        String lead = emptyToNull(Text.clean(a.lead()));
        String deadline = emptyToNull(a.deadline());
        String problem = problemWithAction(title, lead, deadline, "planned");
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        if (s.liveActions() >= ACTIONS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + ACTIONS_MAX + " actions dans un plan.");
        }
        return Decision.accept(new ActionAdded(s.nextId("a"), p == null ? null : p.id(), title, lead, deadline, "planned", at));
    }

    private Decision<PrioritisationEvent> updateAction(PrioritisationState s, UpdateAction u, long at) {
        Action a = s.actions().get(u.actionId());
        if (a == null || a.removed()) {
            return notFoundAction();
        }
        String title = Text.clean(u.title());
        String lead = emptyToNull(Text.clean(u.lead()));
        String deadline = emptyToNull(u.deadline());
        String status = u.status() == null ? a.status() : u.status();
        String problem = problemWithAction(title, lead, deadline, status);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        if (title.equals(a.title()) && java.util.Objects.equals(lead, a.lead()) && java.util.Objects.equals(deadline, a.deadline())
                && status.equals(a.status())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ActionUpdated(a.id(), title, lead, deadline, status, at));
    }

    private static String problemWithAction(String title, String lead, String deadline, String status) {
        if (title.isEmpty() || length(title) > TEXT_MAX) {
            return "L'intitulé d'une action fait de 1 à " + TEXT_MAX + " caractères.";
        }
        if (lead != null && length(lead) > LEAD_MAX) {
            return "Le partenaire pilote tient en " + LEAD_MAX + " caractères.";
        }
        String d = problemWithDeadline(deadline);
        if (d != null) {
            return d;
        }
        if (!Vocabulary.STATUSES.containsKey(status)) {
            return "Statut inconnu : à lancer, en cours, réalisée ou abandonnée.";
        }
        return null;
    }

    static String problemWithDeadline(String deadline) {
        if (deadline == null || deadline.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(deadline);
            if (d.getYear() < 2000 || d.getYear() > 2100 || !deadline.equals(d.toString())) {
                return "Échéance invalide.";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "Échéance invalide : une date au format AAAA-MM-JJ.";
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Decision<PrioritisationEvent> notFoundContribution() {
        return Decision.reject("not_found", "Cette contribution n'existe pas.");
    }

    private static Decision<PrioritisationEvent> notFoundProposal() {
        return Decision.reject("not_found", "Cette proposition n'existe pas.");
    }

    private static Decision<PrioritisationEvent> notFoundAction() {
        return Decision.reject("not_found", "Cette action n'existe pas (ou plus).");
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Hex SHA-256, as the server hashes its secrets: the archive compares it with the project's stored hash. */
    public static String sha256(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- evolve -----------------------------------------------------------------------------

    @Override
    public PrioritisationState evolve(PrioritisationState s, PrioritisationEvent e) {
        if (e instanceof ProjectLoaded p) {
            Map<String, Contribution> c = new LinkedHashMap<>();
            p.contributions().forEach(x -> c.put(x.id(), x));
            Map<String, Theme> t = new LinkedHashMap<>();
            p.themes().forEach(x -> t.put(x.id(), x));
            Map<String, Proposal> pr = new LinkedHashMap<>();
            p.proposals().forEach(x -> pr.put(x.id(), x));
            Map<String, Action> a = new LinkedHashMap<>();
            p.actions().forEach(x -> a.put(x.id(), x));
            return s.loaded(p.project(), p.tag(), c, t, pr, a);
        }
        if (e instanceof ProfileChosen p) {
            return s.withProfile(p.participantId(), p.profile());
        }
        if (e instanceof Contributed k) {
            return s.withContribution(new Contribution(k.contributionId(), k.profile(), k.kind(), k.category(), k.text(), false, null,
                    null, false, k.at(), k.at()), k.participantId(), true);
        }
        if (e instanceof ContributionHidden h) {
            Contribution c = s.contributions().get(h.contributionId());
            return s.withContribution(new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), h.hidden(), c.mergedInto(),
                    c.themeId(), c.earlier(), c.createdAt(), h.at()), null, false);
        }
        if (e instanceof ContributionEdited ed) {
            Contribution c = s.contributions().get(ed.contributionId());
            return s.withContribution(new Contribution(c.id(), c.profile(), ed.kind(), ed.category(), ed.text(), c.hidden(), c.mergedInto(),
                    c.themeId(), c.earlier(), c.createdAt(), ed.at()), null, false);
        }
        if (e instanceof ContributionMerged m) {
            Map<String, Contribution> all = new LinkedHashMap<>(s.contributions());
            Set<String> changed = new LinkedHashSet<>();
            for (Contribution c : s.contributions().values()) {
                if (c.id().equals(m.contributionId()) || m.contributionId().equals(c.mergedInto())) {
                    all.put(c.id(), new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), m.intoId(),
                            c.themeId(), c.earlier(), c.createdAt(), m.at()));
                    changed.add(c.id());
                }
            }
            return s.withContributions(all, changed);
        }
        if (e instanceof ContributionUnmerged u) {
            Contribution c = s.contributions().get(u.contributionId());
            return s.withContribution(new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), null,
                    c.themeId(), c.earlier(), c.createdAt(), u.at()), null, false);
        }
        if (e instanceof ThemeCreated t) {
            return s.withTheme(new Theme(t.themeId(), t.name(), false, false, t.at(), t.at()), true);
        }
        if (e instanceof ThemeRenamed t) {
            Theme old = s.themes().get(t.themeId());
            return s.withTheme(new Theme(old.id(), t.name(), false, old.earlier(), old.createdAt(), t.at()), false);
        }
        if (e instanceof Grouped g) {
            Map<String, Contribution> all = new LinkedHashMap<>(s.contributions());
            for (String id : g.contributionIds()) {
                Contribution c = all.get(id);
                all.put(id, new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), c.mergedInto(),
                        g.themeId(), c.earlier(), c.createdAt(), g.at()));
            }
            return s.withContributions(all, new LinkedHashSet<>(g.contributionIds()));
        }
        if (e instanceof ThemeRemoved r) {
            Theme old = s.themes().get(r.themeId());
            PrioritisationState next = s.withTheme(new Theme(old.id(), old.name(), true, old.earlier(), old.createdAt(), r.at()), false);
            Map<String, Contribution> all = new LinkedHashMap<>(next.contributions());
            Set<String> changed = new LinkedHashSet<>();
            for (Contribution c : next.contributions().values()) {
                if (r.themeId().equals(c.themeId())) {
                    all.put(c.id(), new Contribution(c.id(), c.profile(), c.kind(), c.category(), c.text(), c.hidden(), c.mergedInto(),
                            null, c.earlier(), c.createdAt(), r.at()));
                    changed.add(c.id());
                }
            }
            next = next.withContributions(all, changed);
            Map<String, Proposal> proposals = new LinkedHashMap<>(next.proposals());
            Set<String> changedProposals = new LinkedHashSet<>();
            for (Proposal p : next.proposals().values()) {
                if (r.themeId().equals(p.themeId())) {
                    proposals.put(p.id(), new Proposal(p.id(), p.text(), null, p.contributionId(), p.source(), p.profile(), p.hidden(),
                            p.earlier(), p.createdAt(), r.at()));
                    changedProposals.add(p.id());
                }
            }
            return next.withProposals(proposals, changedProposals);
        }
        if (e instanceof Proposed p) {
            return s.withProposal(new Proposal(p.proposalId(), p.text(), p.themeId(), p.contributionId(), p.source(), p.profile(), false,
                    false, p.at(), p.at()), true);
        }
        if (e instanceof ProposalEdited pe) {
            Proposal p = s.proposals().get(pe.proposalId());
            return s.withProposal(new Proposal(p.id(), pe.text(), pe.themeId(), p.contributionId(), p.source(), p.profile(), p.hidden(),
                    p.earlier(), p.createdAt(), pe.at()), false);
        }
        if (e instanceof ProposalHidden ph) {
            Proposal p = s.proposals().get(ph.proposalId());
            return s.withProposal(new Proposal(p.id(), p.text(), p.themeId(), p.contributionId(), p.source(), p.profile(), ph.hidden(),
                    p.earlier(), p.createdAt(), ph.at()), false);
        }
        if (e instanceof StageChanged st) {
            return s.withStage(st.stage());
        }
        if (e instanceof SettingsChanged sc) {
            return s.withSettings(new VoteSettings(sc.budget(), sc.maxPerProposal(), sc.ratings()));
        }
        if (e instanceof DotsPlaced d) {
            Ballot b = s.ballot(d.participantId(), d.proposalId());
            return s.withBallot(d.participantId(), d.proposalId(), new Ballot(d.dots(), b.impact(), b.feasibility()));
        }
        if (e instanceof Rated r) {
            Ballot b = s.ballot(r.participantId(), r.proposalId());
            return s.withBallot(r.participantId(), r.proposalId(), new Ballot(b.dots(), r.impact(), r.feasibility()));
        }
        if (e instanceof Revealed) {
            return s.withRevealed();
        }
        if (e instanceof ActionAdded a) {
            return s.withAction(new Action(a.actionId(), a.proposalId(), a.title(), a.lead(), a.deadline(), a.status(), false, false,
                    a.at(), a.at()), true);
        }
        if (e instanceof ActionUpdated u) {
            Action a = s.actions().get(u.actionId());
            return s.withAction(new Action(a.id(), a.proposalId(), u.title(), u.lead(), u.deadline(), u.status(), false, a.earlier(),
                    a.createdAt(), u.at()), false);
        }
        if (e instanceof ActionRemoved r) {
            Action a = s.actions().get(r.actionId());
            return s.withAction(new Action(a.id(), a.proposalId(), a.title(), a.lead(), a.deadline(), a.status(), true, a.earlier(),
                    a.createdAt(), r.at()), false);
        }
        throw new IllegalStateException("unknown event " + e);
    }

    // ---- views ------------------------------------------------------------------------------

    @Override
    public Impact impact(PrioritisationEvent e) {
        if (e instanceof ProfileChosen p) {
            return Impact.only(p.participantId());
        }
        if (e instanceof Contributed k) {
            return k.participantId() == null ? Impact.AGGREGATES_ONLY : Impact.only(k.participantId());
        }
        if (e instanceof DotsPlaced d) {
            return Impact.only(d.participantId());
        }
        if (e instanceof Rated r) {
            return Impact.only(r.participantId());
        }
        // Phones never see themes' contents; only a theme's name reaches them (beside a proposal).
        if (e instanceof ThemeCreated || e instanceof Grouped) {
            return Impact.AGGREGATES_ONLY;
        }
        return Impact.ALL;
    }

    @Override
    public Object view(PrioritisationState s, Roster roster, Audience audience) {
        return PrioritisationViews.view(s, roster, audience);
    }

    @Override
    public Object results(PrioritisationState s, Roster roster) {
        return PrioritisationViews.results(s, roster);
    }
}
