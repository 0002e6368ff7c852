package fr.atelier.workshops.prioritisation;

import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.prioritisation.PrioritisationViews.ActionRow;
import fr.atelier.workshops.prioritisation.PrioritisationViews.ContributionRow;
import fr.atelier.workshops.prioritisation.PrioritisationViews.ProjectView;
import fr.atelier.workshops.prioritisation.PrioritisationViews.Results;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Dessine-moi le travail" results as rows, computed once from its results records (counts,
 * ranks and ratings are not recomputed by the readers): the archive writes {@code summary} into
 * the project's list of sessions (the project's own items it upserts from the state, with their
 * ids and times), the CSV export lists every section. Codes (kind, category, profile, side, status,
 * quadrant) stay codes: the CSV puts the words of {@link Vocabulary} on them.
 */
public record PrioritisationResultRows(Summary summary, ProjectView project, List<Profile> profiles, List<Contribution> contributions,
                                       List<Theme> themes, List<Tally.Row> ranking, List<ActionRow> plan) {
    public PrioritisationResultRows {
        profiles = List.copyOf(profiles);
        contributions = List.copyOf(contributions);
        themes = List.copyOf(themes);
        ranking = List.copyOf(ranking);
        plan = List.copyOf(plan);
    }

    /** The session's line: contributions collected in it (not brought from earlier ones), voters, and whether the vote was revealed. */
    public record Summary(int contributions, int voters, boolean revealed) {}

    /** How many participants chose a profile. */
    public record Profile(String profile, int participants) {}

    /** A contribution; {@code state} is {@code visible}, {@code hidden} or {@code merged} (a duplicate). */
    public record Contribution(String text, String kind, String category, String profile, String themeName, String state,
                               boolean earlier) {}

    /**
     * A theme's counts ({@code name} null: the contributions in no theme), per category and per side
     * in the order of {@link Vocabulary#CATEGORIES} and {@link Vocabulary#SIDES}.
     */
    public record Theme(String name, int count, List<Integer> byCategory, List<Integer> bySide, boolean recurring) {}

    public static PrioritisationResultRows of(PrioritisationState s, Roster roster) {
        return of(PrioritisationViews.results(s, roster));
    }

    public static PrioritisationResultRows of(Results r) {
        List<Profile> profiles = new ArrayList<>();
        if (r.room() != null) {
            r.room().forEach((profile, n) -> profiles.add(new Profile(profile, n)));
        }
        Map<String, String> themeNames = new HashMap<>();
        List<Theme> themes = new ArrayList<>();
        List<Tally.ThemeCount> counted = r.synthesis() == null ? List.of() : r.synthesis().themes();
        for (Tally.ThemeCount t : counted) {
            themeNames.put(t.id(), t.name());
            themes.add(theme(t.name(), t));
        }
        themes.add(theme(null, r.synthesis() == null ? null : r.synthesis().unthemed()));
        List<Contribution> contributions = new ArrayList<>();
        for (ContributionRow c : orEmpty(r.contributions())) {
            String state = c.hidden() ? "hidden" : c.mergedInto() != null ? "merged" : "visible";
            contributions.add(new Contribution(c.text(), c.kind(), c.category(), c.profile(), themeNames.get(c.themeId()), state,
                    c.earlier()));
        }
        int voters = r.ranking() == null ? 0 : r.ranking().voters();
        List<Tally.Row> ranking = r.ranking() == null ? List.of() : orEmpty(r.ranking().rows());
        return new PrioritisationResultRows(new Summary(r.newContributions(), voters, r.revealed()), r.project(), profiles,
                contributions, themes, ranking, orEmpty(r.plan()));
    }

    private static Theme theme(String name, Tally.ThemeCount t) {
        Tally.Counts c = t == null ? null : t.counts();
        return new Theme(name, c == null ? 0 : c.count(), inOrder(Vocabulary.CATEGORIES, c == null ? null : c.byCategory()),
                inOrder(Vocabulary.SIDES, c == null ? null : c.bySide()), t != null && t.recurring());
    }

    private static List<Integer> inOrder(Map<String, String> vocabulary, Map<String, Integer> counts) {
        return vocabulary.keySet().stream().map(k -> counts == null ? 0 : counts.getOrDefault(k, 0)).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
