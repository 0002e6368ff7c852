package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Project;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.PrioritisationState.VoteSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each audience sees. Contributions are anonymous everywhere: no view names who wrote what,
 * the projector does not even show the writer's profile, and a phone sees only its own
 * contributions. Nobody but the facilitator sees a tally of the vote before it is revealed; a phone
 * sees its own dots and ratings only.
 */
public final class PrioritisationViews {
    /** The projector's wall shows at most this many cards (the most recent); counts stay exact. */
    public static final int WALL_MAX = 300;

    private PrioritisationViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectView(String id, String name, String sector, String territory, String targetPublic, Integer previousSessions) {}

    /** A phone's own contribution; {@code status}: visible, pending (held for approval), hidden (by the facilitator) or merged. */
    public record Mine(String id, String text, String kind, String category, String status) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String profile, boolean profileChosen, int limit, List<Mine> contributions) {}

    public record WallItem(String id, String text, String kind, int weight, boolean earlier) {}

    public record WallColumn(String category, int count, List<WallItem> items) {}

    public record Wall(int total, List<WallColumn> columns) {}

    /** The facilitator's full row; {@code weight}: itself plus the visible contributions merged into it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContributionRow(String id, String text, String kind, String category, String profile, boolean hidden,
                                  String mergedInto, String themeId, boolean earlier, int weight, long createdAt, Boolean pending) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProposalRow(String id, String text, String themeId, String themeName, String source, String contributionId,
                              Boolean hidden, boolean earlier, Integer myDots, Integer myImpact, Integer myFeasibility) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteView(boolean open, int budget, int maxPerProposal, boolean ratings, Integer voters, Integer remaining,
                           List<ProposalRow> proposals) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionRow(String id, String proposalId, String proposalText, String title, String lead, String deadline,
                            String status, boolean earlier) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(Stage stage, boolean revealed, ProjectView project, Me me, Wall wall, List<ContributionRow> contributions,
                       Tally.Overview synthesis, VoteView vote, Tally.Ranking results, List<ActionRow> plan,
                       Map<String, Integer> room, Boolean holdForApproval, PrioritisationVocabulary vocabulary) {}

    /** For the synthesis page, the CSV and the archive: everything, revealed. */
    public record Results(ProjectView project, Stage stage, VoteSettings settings, Map<String, Integer> room,
                          int newContributions, Tally.Overview synthesis, List<ContributionRow> contributions,
                          List<ProposalRow> proposals, boolean revealed, Tally.Ranking ranking, List<ActionRow> plan,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PrioritisationVocabulary vocabulary) {}

    public static Object view(PrioritisationState s, Roster roster, Audience audience) {
        Stage stage = s.stage();
        if (audience instanceof Audience.Participant me) {
            boolean voteVisible = stage == Stage.VOTE || stage == Stage.RESULTS || stage == Stage.PLAN || s.revealed();
            return new View(stage, s.revealed(), project(s.project(), false), me(s, me.id()), null, null, null,
                    voteVisible ? vote(s, false, me.id()) : null, s.revealed() ? Tally.ranking(s) : null,
                    stage == Stage.PLAN ? plan(s) : null, null, null, s.vocabulary());
        }
        if (audience instanceof Audience.Facilitator) {
            return new View(stage, s.revealed(), project(s.project(), true), null, null, contributions(s), Tally.overview(s),
                    vote(s, true, null), Tally.ranking(s), plan(s), room(s, roster, true), s.approval().hold(), s.vocabulary());
        }
        boolean wall = stage == Stage.COLLECT || stage == Stage.SYNTHESIS;
        return new View(stage, s.revealed(), project(s.project(), false), null, wall ? wall(s) : null, null,
                stage == Stage.COLLECT ? null : Tally.overview(s), stage == Stage.COLLECT ? null : vote(s, false, null),
                s.revealed() ? Tally.ranking(s) : null, stage == Stage.PLAN ? plan(s) : null, room(s, roster, true), null, s.vocabulary());
    }

    public static Results results(PrioritisationState s, Roster roster) {
        int fresh = (int) s.contributions().values().stream().filter(c -> !c.earlier()).count();
        return new Results(project(s.project(), true), s.stage(), s.settings(), room(s, roster, false), fresh, Tally.overview(s),
                contributions(s), proposals(s, true, null), s.revealed(), Tally.ranking(s), plan(s), s.vocabulary());
    }

    private static ProjectView project(Project p, boolean full) {
        if (p == null) {
            return null;
        }
        return new ProjectView(full ? p.id() : null, p.name(), p.sector(), p.territory(), p.targetPublic(), p.previousSessions());
    }

    private static Me me(PrioritisationState s, String participantId) {
        List<Mine> mine = new ArrayList<>();
        for (Map.Entry<String, String> e : s.authors().entrySet()) {
            if (e.getValue().equals(participantId)) {
                Contribution c = s.contributions().get(e.getKey());
                String status = s.pending(c.id()) ? "pending" : c.hidden() ? "hidden" : c.mergedInto() != null ? "merged" : "visible";
                mine.add(new Mine(c.id(), c.text(), c.kind(), c.category(), status));
            }
        }
        String profile = s.profiles().get(participantId);
        return new Me(profile, profile != null, PrioritisationFormat.PER_PARTICIPANT_MAX, mine);
    }

    private static Map<String, Integer> weights(PrioritisationState s) {
        Map<String, Integer> weight = new LinkedHashMap<>();
        for (Contribution c : s.contributions().values()) {
            if (s.counts(c)) {
                weight.merge(s.root(c).id(), 1, Integer::sum);
            }
        }
        return weight;
    }

    private static Wall wall(PrioritisationState s) {
        Map<String, Integer> weight = weights(s);
        Map<String, List<WallItem>> columns = new LinkedHashMap<>();
        Map<String, Integer> counts = Vocabulary.zeros(Vocabulary.CATEGORIES);
        for (String cat : Vocabulary.CATEGORIES.keySet()) {
            columns.put(cat, new ArrayList<>());
        }
        List<Contribution> roots = new ArrayList<>();
        for (Contribution c : s.contributions().values()) {
            if (!c.hidden() && c.mergedInto() == null) {
                roots.add(c);
                counts.merge(c.category(), weight.getOrDefault(c.id(), 1), Integer::sum);
            }
        }
        int from = Math.max(0, roots.size() - WALL_MAX);
        int total = 0;
        for (int i = from; i < roots.size(); i++) {
            Contribution c = roots.get(i);
            columns.get(c.category()).add(new WallItem(c.id(), c.text(), c.kind(), weight.getOrDefault(c.id(), 1), c.earlier()));
        }
        List<WallColumn> out = new ArrayList<>();
        for (Map.Entry<String, List<WallItem>> e : columns.entrySet()) {
            total += counts.get(e.getKey());
            out.add(new WallColumn(e.getKey(), counts.get(e.getKey()), e.getValue()));
        }
        return new Wall(total, out);
    }

    private static List<ContributionRow> contributions(PrioritisationState s) {
        Map<String, Integer> weight = weights(s);
        List<ContributionRow> rows = new ArrayList<>();
        for (Contribution c : s.contributions().values()) {
            rows.add(new ContributionRow(c.id(), c.text(), c.kind(), c.category(), c.profile(), c.hidden(), c.mergedInto(), c.themeId(),
                    c.earlier(), weight.getOrDefault(c.id(), 0), c.createdAt(), s.pending(c.id()) ? Boolean.TRUE : null));
        }
        return rows;
    }

    private static VoteView vote(PrioritisationState s, boolean console, String participantId) {
        VoteSettings v = s.settings();
        boolean open = s.stage() == Stage.VOTE && !s.revealed();
        Integer voters = null;
        if (participantId == null) {
            int n = 0;
            for (Map<String, Ballot> ballots : s.ballots().values()) {
                if (ballots.values().stream().anyMatch(b -> b.dots() > 0 || b.impact() != null)) {
                    n++;
                }
            }
            voters = n;
        }
        Integer remaining = participantId == null ? null : v.budget() - s.dotsUsed(participantId);
        return new VoteView(open, v.budget(), v.maxPerProposal(), v.ratings(), voters, remaining, proposals(s, console, participantId));
    }

    private static List<ProposalRow> proposals(PrioritisationState s, boolean console, String participantId) {
        List<ProposalRow> rows = new ArrayList<>();
        for (Proposal p : s.proposals().values()) {
            if (!console && p.hidden()) {
                continue;
            }
            Theme t = p.themeId() == null ? null : s.themes().get(p.themeId());
            Ballot b = participantId == null ? null : s.ballot(participantId, p.id());
            rows.add(new ProposalRow(p.id(), p.text(), p.themeId(), t == null || t.removed() ? null : t.name(),
                    console ? p.source() : null, console ? p.contributionId() : null, console ? p.hidden() : null, p.earlier(),
                    b == null ? null : b.dots(), b == null ? null : b.impact(), b == null ? null : b.feasibility()));
        }
        return rows;
    }

    private static List<ActionRow> plan(PrioritisationState s) {
        List<ActionRow> rows = new ArrayList<>();
        for (Action a : s.actions().values()) {
            if (a.removed()) {
                continue;
            }
            Proposal p = a.proposalId() == null ? null : s.proposals().get(a.proposalId());
            rows.add(new ActionRow(a.id(), a.proposalId(), p == null ? null : p.text(), a.title(), a.lead(), a.deadline(), a.status(),
                    a.earlier()));
        }
        return rows;
    }

    /** Who is in the room by profile (those who have not chosen count as unspecified). */
    private static Map<String, Integer> room(PrioritisationState s, Roster roster, boolean activeOnly) {
        Map<String, Integer> counts = Vocabulary.zeros(Vocabulary.PROFILES);
        for (Roster.Member m : roster.all()) {
            if (!activeOnly || m.active()) {
                counts.merge(s.profileOf(m.id()), 1, Integer::sum);
            }
        }
        return counts;
    }
}
