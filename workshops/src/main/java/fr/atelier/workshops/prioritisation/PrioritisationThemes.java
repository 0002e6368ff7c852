package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.CreateTheme;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.Group;
import fr.atelier.workshops.prioritisation.PrioritisationCommand.RenameTheme;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeRenamed;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Themes: grouping contributions during the synthesis. */
final class PrioritisationThemes {
    private PrioritisationThemes() {}

    // ---- themes -----------------------------------------------------------------------------

    static Decision<PrioritisationEvent> createTheme(PrioritisationState s, CreateTheme ct, long at) {
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

    static Decision<PrioritisationEvent> renameTheme(PrioritisationState s, RenameTheme rt, long at) {
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

    static Decision<PrioritisationEvent> group(PrioritisationState s, Group g, long at) {
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
    static Decision<PrioritisationEvent> resolveRoots(PrioritisationState s, List<String> selection, List<String> out) {
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

    static String cleanName(String name) {
        return Text.clean(name).replaceAll("\\s+", " ");
    }

    static String problemWithThemeName(PrioritisationState s, String name, String except) {
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
}
