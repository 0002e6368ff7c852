package fr.atelier.workshops.hackathon;

import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.hackathon.HackathonScoring.Tally;
import fr.atelier.workshops.hackathon.HackathonViews.FieldResult;
import fr.atelier.workshops.hackathon.HackathonViews.IdeaResult;
import fr.atelier.workshops.hackathon.HackathonViews.Results;
import fr.atelier.workshops.hackathon.HackathonViews.TeamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The hackathon's results as rows, computed once from its results records (tallies, ranks, prizes
 * and pitch positions are not recomputed by the readers): the archive writes {@code teams} into its
 * team table, the CSV export lists every section. The synthesis carries the same results as JSON.
 */
public record HackathonResultRows(List<Team> teams, List<CriterionScore> criteria, List<Idea> ideas, List<Field> fields) {
    public HackathonResultRows {
        teams = List.copyOf(teams);
        criteria = List.copyOf(criteria);
        ideas = List.copyOf(ideas);
        fields = List.copyOf(fields);
    }

    /**
     * One team: {@code members} are nicknames, {@code solution} the texts of the solution canvas in
     * its order ("" when empty), {@code pitchPosition} counts from 1 (null: not in the order).
     */
    public record Team(String teamId, String name, String challengeId, String challengeTitle, List<String> members,
                       List<String> solution, int ideas, Integer pitchPosition, Tally jury, Tally publicVote,
                       boolean juryPrize, boolean publicPrize) {
        /** The solution canvas's field {@code id} ("" when empty), or null when blank: what the archive stores. */
        public String solutionOrNull(String id) {
            int i = SOLUTION_IDS.indexOf(id);
            String text = i < 0 ? "" : solution.get(i);
            return text.isBlank() ? null : text;
        }
    }

    /** A team's average score on one criterion, by the jury and by the room (null: no ballot). */
    public record CriterionScore(String teamName, String label, int weight, Double jury, Double publicVote) {}

    public record Idea(String teamName, String text, String author, int dots) {}

    /** A canvas field of a team; {@code canvas} is {@link Canvas#PROBLEM} or {@link Canvas#SOLUTION}. */
    public record Field(String teamName, String canvas, String label, String text, int revisions) {}

    /** The solution canvas's field ids, in the order of {@link Team#solution()}. */
    public static final List<String> SOLUTION_IDS = Canvas.of(Canvas.SOLUTION).stream().map(Canvas.Field::id).toList();

    public static HackathonResultRows of(HackathonState s, Roster roster) {
        return of(HackathonViews.results(s, roster));
    }

    public static HackathonResultRows of(Results r) {
        List<Team> teams = new ArrayList<>();
        List<CriterionScore> criteria = new ArrayList<>();
        List<Idea> ideas = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (TeamResult t : r.teams()) {
            List<String> solution = SOLUTION_IDS.stream().map(id -> text(t.solution(), id)).toList();
            teams.add(new Team(t.id(), t.name(), t.challengeId(), t.challengeTitle(), t.members(), solution, t.ideas().size(),
                    t.pitchPosition(), t.jury(), t.publicVote(), t.juryPrize(), t.publicPrize()));
        }
        for (TeamResult t : r.teams()) {
            for (HackathonKit.Criterion c : r.rubric()) {
                criteria.add(new CriterionScore(t.name(), c.label(), c.weight(), average(t.jury(), c.id()), average(t.publicVote(), c.id())));
            }
        }
        for (TeamResult t : r.teams()) {
            for (IdeaResult i : t.ideas()) {
                ideas.add(new Idea(t.name(), i.text(), i.author(), i.dots()));
            }
        }
        for (TeamResult t : r.teams()) {
            for (FieldResult f : t.problem()) {
                fields.add(new Field(t.name(), Canvas.PROBLEM, f.label(), f.text(), f.revisions()));
            }
            for (FieldResult f : t.solution()) {
                fields.add(new Field(t.name(), Canvas.SOLUTION, f.label(), f.text(), f.revisions()));
            }
        }
        return new HackathonResultRows(teams, criteria, ideas, fields);
    }

    private static String text(List<FieldResult> fields, String id) {
        for (FieldResult f : fields) {
            if (id.equals(f.id())) {
                return f.text() == null ? "" : f.text();
            }
        }
        return "";
    }

    private static Double average(Tally t, String criterionId) {
        return t == null || t.criteria() == null ? null : t.criteria().get(criterionId);
    }
}
