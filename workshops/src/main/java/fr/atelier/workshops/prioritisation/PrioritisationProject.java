package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.UseProject;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProjectLoaded;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Project;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Continuing a project: the carried-over content and its ids, checked before anything is played. */
final class PrioritisationProject {
    private PrioritisationProject() {}

    // ---- project ----------------------------------------------------------------------------

    static Decision<PrioritisationEvent> useProject(PrioritisationState s, UseProject u, long at) {
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
                    || !Vocabulary.STATUSES.containsKey(a.status()) || PrioritisationVoting.problemWithDeadline(a.deadline()) != null
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
    static String problemWithCarriedIds(ProjectSnapshot p, String tag) {
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
}
