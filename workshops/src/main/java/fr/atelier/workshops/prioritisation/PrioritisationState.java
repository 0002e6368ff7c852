package fr.atelier.workshops.prioritisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One session of "Dessine-moi le travail": the project it continues (with everything carried over
 * from earlier sessions), the participants' profiles, contributions, themes, proposals, the dot
 * vote and the action plan.
 *
 * <p>Maps keep insertion order (creation order). Who wrote a contribution is kept apart from the
 * contribution ({@code authors}) so that no view can show it by accident; {@code touched} lists
 * the items this session created or changed, the only ones the archive writes back to the project.
 */
public record PrioritisationState(
        Stage stage,
        Project project,
        String tag,
        int drawn,
        Map<String, String> profiles,
        Map<String, Contribution> contributions,
        Map<String, String> authors,
        Map<String, Theme> themes,
        Map<String, Proposal> proposals,
        VoteSettings settings,
        Map<String, Map<String, Ballot>> ballots,
        boolean revealed,
        Map<String, Action> actions,
        Set<String> touched,
        Approval approval,
        PrioritisationVocabulary vocabulary) {

    /** The four steps of the source, the vote split into voting and its revealed results. */
    public enum Stage { COLLECT, SYNTHESIS, VOTE, RESULTS, PLAN }

    /** The project this session belongs to. {@code keyHash} proves the facilitator held its key. */
    public record Project(String id, String name, String sector, String territory, String targetPublic, String keyHash,
                          int previousSessions) {}

    /** One anonymous contribution. {@code earlier}: carried over from an earlier session of the project. */
    public record Contribution(String id, String profile, String kind, String category, String text, boolean hidden,
                               String mergedInto, String themeId, boolean earlier, long createdAt, long updatedAt) {}

    public record Theme(String id, String name, boolean removed, boolean earlier, long createdAt, long updatedAt) {}

    /** {@code source}: "participant" (promoted from a contribution) or "facilitator". */
    public record Proposal(String id, String text, String themeId, String contributionId, String source, String profile,
                           boolean hidden, boolean earlier, long createdAt, long updatedAt) {}

    /** {@code deadline}: an ISO date (yyyy-mm-dd) or null. */
    public record Action(String id, String proposalId, String title, String lead, String deadline, String status,
                         boolean removed, boolean earlier, long createdAt, long updatedAt) {}

    public record VoteSettings(int budget, int maxPerProposal, boolean ratings) {
        public static final VoteSettings DEFAULT = new VoteSettings(5, 3, true);
    }

    /** One participant's dots on one proposal, and their optional ratings (1–5). */
    public record Ballot(int dots, Integer impact, Integer feasibility) {
        public static final Ballot EMPTY = new Ballot(0, null, null);
    }

    public static final PrioritisationState INITIAL = new PrioritisationState(Stage.COLLECT, null, null, 0, Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), VoteSettings.DEFAULT, Map.of(), false, Map.of(), Set.of(), Approval.DEFAULT, null);

    /**
     * The approval queue (issue 15, item 4): with {@code hold} on, a participant's contribution is
     * held (hidden, and listed in {@code pending}) until the facilitator shows or hides it. On by default: walls.
     */
    public record Approval(boolean hold, Set<String> pending) {
        public static final Approval DEFAULT = new Approval(true, Set.of());

        public Approval {
            pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending == null ? Set.of() : pending));
        }

        Approval holding(boolean h) {
            return new Approval(h, pending);
        }

        Approval with(String id, boolean held) {
            Set<String> copy = new LinkedHashSet<>(pending);
            if (held) {
                copy.add(id);
            } else {
                copy.remove(id);
            }
            return new Approval(hold, copy);
        }
    }

    public PrioritisationState {
        approval = approval == null ? Approval.DEFAULT : approval; // snapshots from before the queue
        profiles = frozen(profiles);
        contributions = frozen(contributions);
        authors = frozen(authors);
        themes = frozen(themes);
        proposals = frozen(proposals);
        Map<String, Map<String, Ballot>> b = new LinkedHashMap<>();
        ballots.forEach((k, v) -> b.put(k, frozen(v)));
        ballots = Collections.unmodifiableMap(b);
        actions = frozen(actions);
        touched = Collections.unmodifiableSet(new LinkedHashSet<>(touched));
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    // ---- queries ----------------------------------------------------------------------------

    public String profileOf(String participantId) {
        String p = profiles.get(participantId);
        return p == null ? Vocabulary.UNSPECIFIED : p;
    }

    /** The contribution a merged one now stands under (itself when not merged). */
    public Contribution root(Contribution c) {
        if (c.mergedInto() == null) {
            return c;
        }
        Contribution r = contributions.get(c.mergedInto());
        return r == null ? c : r;
    }

    /** Counted in the synthesis: neither it nor what it is merged into is hidden. */
    public boolean counts(Contribution c) {
        return !c.hidden() && !root(c).hidden();
    }

    public int contributionsBy(String participantId) {
        int n = 0;
        for (String author : authors.values()) {
            if (author.equals(participantId)) {
                n++;
            }
        }
        return n;
    }

    public int liveThemes() {
        return (int) themes.values().stream().filter(t -> !t.removed()).count();
    }

    public int liveActions() {
        return (int) actions.values().stream().filter(a -> !a.removed()).count();
    }

    public boolean visible(Proposal p) {
        return p != null && !p.hidden();
    }

    /** Dots a participant has on proposals still in the vote. */
    public int dotsUsed(String participantId) {
        int n = 0;
        Map<String, Ballot> mine = ballots.getOrDefault(participantId, Map.of());
        for (Map.Entry<String, Ballot> e : mine.entrySet()) {
            if (visible(proposals.get(e.getKey()))) {
                n += e.getValue().dots();
            }
        }
        return n;
    }

    public Ballot ballot(String participantId, String proposalId) {
        return ballots.getOrDefault(participantId, Map.of()).getOrDefault(proposalId, Ballot.EMPTY);
    }

    public boolean anyDots() {
        for (Map<String, Ballot> m : ballots.values()) {
            for (Ballot b : m.values()) {
                if (b.dots() > 0 || b.impact() != null || b.feasibility() != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Nothing created in this session yet: a project may still be chosen. */
    public boolean blank() {
        return project == null && drawn == 0 && contributions.isEmpty() && themes.isEmpty() && proposals.isEmpty()
                && actions.isEmpty();
    }

    /** The next id: the session's tag (unique within the project) and a counter shared by all kinds. */
    String nextId(String kind) {
        String n = kind + (drawn + 1);
        return tag == null ? n : tag + "-" + n;
    }

    // ---- transformations (evolve only) ------------------------------------------------------

    PrioritisationState withStage(Stage st) {
        return new PrioritisationState(st, project, tag, drawn, profiles, contributions, authors, themes, proposals, settings,
                ballots, revealed, actions, touched, approval, vocabulary);
    }

    PrioritisationState loaded(Project p, String t, Map<String, Contribution> c, Map<String, Theme> th,
                               Map<String, Proposal> pr, Map<String, Action> a) {
        return new PrioritisationState(stage, p, t, drawn, profiles, c, authors, th, pr, settings, ballots, revealed, a, touched, approval, vocabulary);
    }

    PrioritisationState withProfile(String participantId, String profile) {
        Map<String, String> copy = new LinkedHashMap<>(profiles);
        copy.put(participantId, profile);
        return new PrioritisationState(stage, project, tag, drawn, copy, contributions, authors, themes, proposals, settings,
                ballots, revealed, actions, touched, approval, vocabulary);
    }

    PrioritisationState withContribution(Contribution c, String author, boolean created) {
        Map<String, Contribution> copy = new LinkedHashMap<>(contributions);
        copy.put(c.id(), c);
        Map<String, String> a = authors;
        if (author != null) {
            a = new LinkedHashMap<>(authors);
            a.put(c.id(), author);
        }
        return new PrioritisationState(stage, project, tag, created ? drawn + 1 : drawn, profiles, copy, a, themes, proposals,
                settings, ballots, revealed, actions, touch(c.id()), approval, vocabulary);
    }

    PrioritisationState withContributions(Map<String, Contribution> all, Set<String> changed) {
        return new PrioritisationState(stage, project, tag, drawn, profiles, all, authors, themes, proposals, settings, ballots,
                revealed, actions, touch(changed), approval, vocabulary);
    }

    PrioritisationState withTheme(Theme t, boolean created) {
        Map<String, Theme> copy = new LinkedHashMap<>(themes);
        copy.put(t.id(), t);
        return new PrioritisationState(stage, project, tag, created ? drawn + 1 : drawn, profiles, contributions, authors, copy,
                proposals, settings, ballots, revealed, actions, touch(t.id()), approval, vocabulary);
    }

    PrioritisationState withProposal(Proposal p, boolean created) {
        Map<String, Proposal> copy = new LinkedHashMap<>(proposals);
        copy.put(p.id(), p);
        return new PrioritisationState(stage, project, tag, created ? drawn + 1 : drawn, profiles, contributions, authors, themes,
                copy, settings, ballots, revealed, actions, touch(p.id()), approval, vocabulary);
    }

    PrioritisationState withProposals(Map<String, Proposal> all, Set<String> changed) {
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, all, settings, ballots,
                revealed, actions, touch(changed), approval, vocabulary);
    }

    PrioritisationState withSettings(VoteSettings v) {
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, proposals, v, ballots,
                revealed, actions, touched, approval, vocabulary);
    }

    PrioritisationState withBallot(String participantId, String proposalId, Ballot b) {
        Map<String, Map<String, Ballot>> copy = new LinkedHashMap<>(ballots);
        Map<String, Ballot> mine = new LinkedHashMap<>(ballots.getOrDefault(participantId, Map.of()));
        mine.put(proposalId, b);
        copy.put(participantId, mine);
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, proposals, settings,
                copy, revealed, actions, touched, approval, vocabulary);
    }

    PrioritisationState withRevealed() {
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, proposals, settings,
                ballots, true, actions, touched, approval, vocabulary);
    }

    PrioritisationState withAction(Action a, boolean created) {
        Map<String, Action> copy = new LinkedHashMap<>(actions);
        copy.put(a.id(), a);
        return new PrioritisationState(stage, project, tag, created ? drawn + 1 : drawn, profiles, contributions, authors, themes,
                proposals, settings, ballots, revealed, copy, touch(a.id()), approval, vocabulary);
    }

    PrioritisationState withApproval(Approval a) {
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, proposals, settings,
                ballots, revealed, actions, touched, a, vocabulary);
    }

    PrioritisationState withVocabulary(PrioritisationVocabulary v) {
        return new PrioritisationState(stage, project, tag, drawn, profiles, contributions, authors, themes, proposals, settings,
                ballots, revealed, actions, touched, approval, v);
    }

    /** Held for approval: hidden from the room until the facilitator decides. */
    public boolean pending(String contributionId) {
        return approval.pending().contains(contributionId);
    }

    private Set<String> touch(String id) {
        Set<String> copy = new LinkedHashSet<>(touched);
        copy.add(id);
        return copy;
    }

    private Set<String> touch(Set<String> ids) {
        Set<String> copy = new LinkedHashSet<>(touched);
        copy.addAll(ids);
        return copy;
    }
}
