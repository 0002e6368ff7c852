package fr.atelier.workshops.hackathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores per criterion and weighted totals, for the jury and for the room separately: each
 * criterion's score is the average of the ballots (1–5); a team's total is the weighted average of
 * its criteria (weights from the rubric). The best total wins its prize; equal totals share it.
 */
public final class HackathonScoring {
    private static final double EPSILON = 1e-9;

    private HackathonScoring() {}

    /** One team's scores from one kind of voter. {@code total} and {@code rank} are null without ballots. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tally(int ballots, Map<String, Double> criteria, Double total, Integer rank) {}

    /** Every team's tally (in team order) for the jury ({@code jury}) or the room. */
    public static Map<String, Tally> tallies(HackathonState s, boolean jury) {
        Map<String, double[]> raw = new LinkedHashMap<>();
        Map<String, Tally> out = new LinkedHashMap<>();
        List<HackathonKit.Criterion> rubric = s.kit() == null ? List.of() : s.kit().rubric();
        int weights = rubric.stream().mapToInt(HackathonKit.Criterion::weight).sum();
        for (Teams.Team t : s.teams().teams()) {
            double[] sums = new double[rubric.size()];
            int n = 0;
            for (Ballot b : s.ballots().values()) {
                if (b.jury() != jury || !b.teamId().equals(t.id())) {
                    continue;
                }
                n++;
                for (int i = 0; i < rubric.size(); i++) {
                    sums[i] += b.scores().getOrDefault(rubric.get(i).id(), 0);
                }
            }
            Map<String, Double> criteria = new LinkedHashMap<>();
            Double total = null;
            if (n > 0 && weights > 0) {
                double weighted = 0;
                for (int i = 0; i < rubric.size(); i++) {
                    double avg = sums[i] / n;
                    criteria.put(rubric.get(i).id(), round(avg));
                    weighted += avg * rubric.get(i).weight();
                }
                total = weighted / weights;
            }
            raw.put(t.id(), new double[] {n, total == null ? Double.NaN : total});
            out.put(t.id(), new Tally(n, criteria, total == null ? null : round(total), null));
        }
        // Ranks from the unrounded totals; equal totals share a rank (1, 1, 3...).
        for (Map.Entry<String, Tally> e : new ArrayList<>(out.entrySet())) {
            double mine = raw.get(e.getKey())[1];
            if (Double.isNaN(mine)) {
                continue;
            }
            int better = 0;
            for (double[] other : raw.values()) {
                if (!Double.isNaN(other[1]) && other[1] > mine + EPSILON) {
                    better++;
                }
            }
            Tally t = e.getValue();
            out.put(e.getKey(), new Tally(t.ballots(), t.criteria(), t.total(), better + 1));
        }
        return out;
    }

    /** The prize winners (several when tied), in team order; empty when nobody voted. */
    public static List<String> winners(Map<String, Tally> tallies) {
        List<String> out = new ArrayList<>();
        tallies.forEach((team, t) -> {
            if (t.rank() != null && t.rank() == 1) {
                out.add(team);
            }
        });
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
