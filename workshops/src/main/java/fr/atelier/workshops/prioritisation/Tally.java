package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The counts a synthesis and a vote come to: pure functions of the state. Counts by category and by
 * profile come side by side, because how employers and the public see the same job differently is
 * the point of the action; a theme is recurring when at least {@link #RECURRING} voices raise it.
 */
public final class Tally {
    public static final int RECURRING = 3;
    /** On the 1–5 scales, from this average up a proposal is "high" impact or feasibility. */
    public static final double HIGH = 3.0;

    private Tally() {}

    /** Counts of one group of contributions. Every map lists every value of its vocabulary. */
    public record Counts(int count, Map<String, Integer> byCategory, Map<String, Integer> byKind, Map<String, Integer> byProfile,
                         Map<String, Integer> bySide) {}

    /** One theme (or the contributions in no theme: id and name null) with its counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThemeCount(String id, String name, boolean earlier, Counts counts, boolean recurring, boolean shared) {}

    /** The whole synthesis: totals, category by side, themes from most to least raised. */
    public record Overview(Counts total, Map<String, Map<String, Integer>> categoryBySide, List<ThemeCount> themes,
                           ThemeCount unthemed) {}

    public static Overview overview(PrioritisationState s) {
        Map<String, Acc> byTheme = new LinkedHashMap<>();
        for (Theme t : s.themes().values()) {
            if (!t.removed()) {
                byTheme.put(t.id(), new Acc());
            }
        }
        Acc none = new Acc();
        Acc total = new Acc();
        Map<String, Map<String, Integer>> cross = new LinkedHashMap<>();
        for (String cat : Vocabulary.CATEGORIES.keySet()) {
            cross.put(cat, Vocabulary.zeros(Vocabulary.SIDES));
        }
        for (Contribution c : s.contributions().values()) {
            if (!s.counts(c)) {
                continue;
            }
            Contribution root = s.root(c);
            total.add(root, c);
            cross.get(root.category()).merge(Vocabulary.side(c.profile()), 1, Integer::sum);
            Acc acc = root.themeId() == null ? null : byTheme.get(root.themeId());
            (acc == null ? none : acc).add(root, c);
        }
        List<ThemeCount> themes = new ArrayList<>();
        for (Map.Entry<String, Acc> e : byTheme.entrySet()) {
            Theme t = s.themes().get(e.getKey());
            Counts counts = e.getValue().counts();
            themes.add(new ThemeCount(t.id(), t.name(), t.earlier(), counts, counts.count() >= RECURRING,
                    counts.bySide().get("public") > 0 && counts.bySide().get("employers") > 0));
        }
        // Most raised first; a stable sort keeps creation order between equals.
        themes.sort(Comparator.comparingInt((ThemeCount t) -> t.counts().count()).reversed());
        Counts rest = none.counts();
        return new Overview(total.counts(), cross, themes, new ThemeCount(null, null, false, rest, false, false));
    }

    private static final class Acc {
        int count;
        final Map<String, Integer> category = Vocabulary.zeros(Vocabulary.CATEGORIES);
        final Map<String, Integer> kind = Vocabulary.zeros(Vocabulary.KINDS);
        final Map<String, Integer> profile = Vocabulary.zeros(Vocabulary.PROFILES);
        final Map<String, Integer> side = Vocabulary.zeros(Vocabulary.SIDES);

        /** A merged duplicate counts as one more voice for what it is merged into, under its own profile. */
        void add(Contribution root, Contribution voice) {
            count++;
            category.merge(root.category(), 1, Integer::sum);
            kind.merge(root.kind(), 1, Integer::sum);
            profile.merge(voice.profile(), 1, Integer::sum);
            side.merge(Vocabulary.side(voice.profile()), 1, Integer::sum);
        }

        Counts counts() {
            return new Counts(count, category, kind, profile, side);
        }
    }

    // ---- the vote ---------------------------------------------------------------------------

    /** One proposal's result. {@code rank} is shared by ties (1, 2, 2, 4); {@code quadrant} needs both ratings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String proposalId, String text, String themeId, String themeName, int rank, boolean tied, int dots, int voters,
                      Map<String, Integer> dotsBySide, Map<String, Integer> dotsByProfile, Double impact, Double feasibility,
                      int ratings, String quadrant) {}

    /** One side's ranking: same proposals, ranked by that side's dots only. */
    public record SidePlace(String proposalId, int rank, boolean tied, int dots) {}

    public record SideRanking(String side, int voters, List<SidePlace> places) {}

    public record Ranking(int voters, int dots, Map<String, Integer> votersBySide, List<Row> rows, List<SideRanking> sides) {}

    public static Ranking ranking(PrioritisationState s) {
        List<Proposal> proposals = s.proposals().values().stream().filter(s::visible).toList();
        Map<String, Integer> order = new LinkedHashMap<>();
        proposals.forEach(p -> order.put(p.id(), order.size()));
        Map<String, Integer> votersBySide = Vocabulary.zeros(Vocabulary.SIDES);
        int voters = 0;
        int dotsAll = 0;
        Map<String, int[]> perProposal = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> bySide = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byProfile = new LinkedHashMap<>();
        Map<String, double[]> ratingSums = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            perProposal.put(p.id(), new int[2]);
            bySide.put(p.id(), Vocabulary.zeros(Vocabulary.SIDES));
            byProfile.put(p.id(), Vocabulary.zeros(Vocabulary.PROFILES));
            ratingSums.put(p.id(), new double[4]);
        }
        for (Map.Entry<String, Map<String, Ballot>> e : s.ballots().entrySet()) {
            String profile = s.profileOf(e.getKey());
            String side = Vocabulary.side(profile);
            boolean voted = false;
            for (Map.Entry<String, Ballot> b : e.getValue().entrySet()) {
                int[] acc = perProposal.get(b.getKey());
                if (acc == null) {
                    continue;
                }
                Ballot ballot = b.getValue();
                if (ballot.dots() > 0) {
                    acc[0] += ballot.dots();
                    acc[1]++;
                    dotsAll += ballot.dots();
                    bySide.get(b.getKey()).merge(side, ballot.dots(), Integer::sum);
                    byProfile.get(b.getKey()).merge(profile, ballot.dots(), Integer::sum);
                    voted = true;
                }
                double[] r = ratingSums.get(b.getKey());
                if (ballot.impact() != null && ballot.feasibility() != null) {
                    r[0] += ballot.impact();
                    r[1] += ballot.feasibility();
                    r[2]++;
                    voted = true;
                }
            }
            if (voted) {
                voters++;
                votersBySide.merge(side, 1, Integer::sum);
            }
        }
        List<Proposal> sorted = new ArrayList<>(proposals);
        sorted.sort(Comparator.comparingInt((Proposal p) -> -perProposal.get(p.id())[0]).thenComparingInt(p -> order.get(p.id())));
        Map<String, int[]> ranks = ranks(sorted, p -> perProposal.get(p.id())[0]);
        List<Row> rows = new ArrayList<>();
        for (Proposal p : sorted) {
            int[] acc = perProposal.get(p.id());
            double[] r = ratingSums.get(p.id());
            Double impact = r[2] == 0 ? null : round(r[0] / r[2]);
            Double feasibility = r[2] == 0 ? null : round(r[1] / r[2]);
            Theme t = p.themeId() == null ? null : s.themes().get(p.themeId());
            rows.add(new Row(p.id(), p.text(), p.themeId(), t == null || t.removed() ? null : t.name(), ranks.get(p.id())[0],
                    ranks.get(p.id())[1] == 1, acc[0], acc[1], bySide.get(p.id()), byProfile.get(p.id()), impact, feasibility,
                    (int) r[2], quadrant(impact, feasibility)));
        }
        List<SideRanking> sides = new ArrayList<>();
        for (String side : Vocabulary.SIDES.keySet()) {
            List<Proposal> bySideSorted = new ArrayList<>(proposals);
            bySideSorted.sort(Comparator.comparingInt((Proposal p) -> -bySide.get(p.id()).get(side)).thenComparingInt(p -> order.get(p.id())));
            Map<String, int[]> sideRanks = ranks(bySideSorted, p -> bySide.get(p.id()).get(side));
            List<SidePlace> places = new ArrayList<>();
            for (Proposal p : bySideSorted) {
                places.add(new SidePlace(p.id(), sideRanks.get(p.id())[0], sideRanks.get(p.id())[1] == 1, bySide.get(p.id()).get(side)));
            }
            sides.add(new SideRanking(side, votersBySide.get(side), places));
        }
        return new Ranking(voters, dotsAll, votersBySide, rows, sides);
    }

    /** Competition ranking over an already sorted list: id → {rank, 1 if tied else 0}. */
    private static Map<String, int[]> ranks(List<Proposal> sorted, Function<Proposal, Integer> score) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            int value = score.apply(sorted.get(i));
            int rank = i + 1;
            if (i > 0 && score.apply(sorted.get(i - 1)) == value) {
                rank = out.get(sorted.get(i - 1).id())[0];
            }
            boolean tied = (i > 0 && score.apply(sorted.get(i - 1)) == value)
                    || (i + 1 < sorted.size() && score.apply(sorted.get(i + 1)) == value);
            out.put(sorted.get(i).id(), new int[] {rank, tied ? 1 : 0});
        }
        return out;
    }

    /**
     * Where a proposal sits in the impact × feasibility matrix: "priority" (high, high), "project"
     * (high impact, hard), "easy" (low impact, easy), "later" (low, low).
     */
    static String quadrant(Double impact, Double feasibility) {
        if (impact == null || feasibility == null) {
            return null;
        }
        boolean highImpact = impact >= HIGH;
        boolean easy = feasibility >= HIGH;
        if (highImpact) {
            return easy ? "priority" : "project";
        }
        return easy ? "easy" : "later";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
