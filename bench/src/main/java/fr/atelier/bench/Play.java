package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rounds of scenarios (a) and (c) play: a poll question (the warm-up format) or a live
 * question of the Challenge numérique (teams: every answer changes the team's answer, which each
 * teammate sees live). The measuring loop in {@link LiveBench} is the same for both.
 */
abstract class Play {
    /** Format id given to {@code POST /api/sessions}. */
    abstract String format();

    /** Before {@code session.start} (facilitator's set-up commands). */
    void beforeStart(Conn facilitator, Api api, int port, ObjectNode report) {}

    /** After every phone saw the activity: teams, start of the quiz... */
    void afterStart(Conn facilitator, Conn screen, List<Conn> phones, ObjectNode report, long waitMs) {}

    /** Every phone view, before the round's own checks (set-up progress). */
    void phoneView(Conn c, String frame) {}

    /** The id of round {@code k}'s question (1-based, warm-up rounds included). */
    abstract String questionId(int k);

    abstract String askCommand(int k);

    /** How many answer options round {@code k} offers. */
    abstract int options(int k);

    abstract String answerCommand(int k, int option);

    abstract String closeCommand(int k);

    /** Command sent once the rounds are over, before {@code session.end}; null: none. */
    String finishCommand() {
        return null;
    }

    /** How high the projector's answer count goes once every phone answered. */
    abstract int projectorFull(int connected);

    /**
     * What the facilitator's distribution must hold once every answer is acknowledged, given each
     * phone's acknowledged option ({@code option[i]}, -1: none) and the acknowledgement's seq.
     */
    abstract int[] expected(List<Conn> phones, int k, int[] option, long[] ackSeq);

    /** The facilitator's current distribution for round {@code k}'s question, or null. */
    abstract int[] distribution(JsonNode facilitatorView, int k);

    /** Whether each acknowledged answer is exactly one event (then acknowledged seqs must be contiguous). */
    abstract boolean oneEventPerAnswer();

    static Play of(Options o) {
        return switch (o.format) {
            case "poll" -> new PollPlay();
            case "quiz" -> new QuizPlay(o);
            default -> throw new IllegalArgumentException("unknown --format " + o.format + " (poll or quiz)");
        };
    }

    // ---------------------------------------------------------------------------------------------

    static final class PollPlay extends Play {
        private static final int OPTIONS = 4;

        @Override
        String format() {
            return "poll";
        }

        @Override
        String questionId(int k) {
            return "q" + k;
        }

        @Override
        String askCommand(int k) {
            return "{\"type\":\"poll.ask\",\"text\":\"Question " + k
                    + " du banc d'essai ?\",\"options\":[\"Onisep\",\"France Travail\",\"CIO\",\"Mission locale\"]}";
        }

        @Override
        int options(int k) {
            return OPTIONS;
        }

        @Override
        String answerCommand(int k, int option) {
            return "{\"type\":\"poll.answer\",\"questionId\":\"" + questionId(k) + "\",\"option\":" + option + "}";
        }

        @Override
        String closeCommand(int k) {
            return "{\"type\":\"poll.close\",\"questionId\":\"" + questionId(k) + "\"}";
        }

        @Override
        int projectorFull(int connected) {
            return connected;
        }

        @Override
        int[] expected(List<Conn> phones, int k, int[] option, long[] ackSeq) {
            int[] expected = new int[OPTIONS];
            for (Conn c : phones) {
                if (ackSeq[c.index] >= 0) {
                    expected[option[c.index]]++;
                }
            }
            return expected;
        }

        @Override
        int[] distribution(JsonNode view, int k) {
            if (view == null) {
                return null;
            }
            JsonNode q = view.path("activity").path("question");
            if (!questionId(k).equals(q.path("id").asText()) || !q.path("distribution").isArray()) {
                return null;
            }
            int[] d = new int[q.path("distribution").size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = q.path("distribution").get(i).asInt();
            }
            return d;
        }

        @Override
        boolean oneEventPerAnswer() {
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Live pacing of the quiz with the default bank's single-choice questions. The facilitator
     * balances everyone into teams ({@code --team-size}, at most 50 teams), every phone answers for
     * its team, and the answer with the highest acknowledged seq in a team is the team's answer.
     */
    static final class QuizPlay extends Play {
        private final Options o;
        /** Bank questions played, in order: id, bank index, choice ids. */
        private final List<String> ids = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<List<String>> choices = new ArrayList<>();
        /** Participant id → team index. */
        private final Map<String, Integer> teamOf = new HashMap<>();
        private int teams;
        private volatile boolean[] playing;
        private final java.util.concurrent.atomic.AtomicInteger playingCount = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean[] teamed;
        private final java.util.concurrent.atomic.AtomicInteger teamedCount = new java.util.concurrent.atomic.AtomicInteger();

        QuizPlay(Options o) {
            this.o = o;
        }

        @Override
        String format() {
            return "quiz";
        }

        @Override
        void beforeStart(Conn facilitator, Api api, int port, ObjectNode report) {
            JsonNode bank = api.get(port, "/api/formats/quiz/library/" + o.quizBank).await();
            JsonNode questions = bank.path("questions");
            for (int i = 0; i < questions.size(); i++) {
                JsonNode q = questions.get(i);
                if ("single".equals(q.path("type").asText())) {
                    ids.add(q.path("id").asText());
                    indexes.add(i);
                    List<String> c = new ArrayList<>();
                    q.path("choices").forEach(ch -> c.add(ch.path("id").asText()));
                    choices.add(c);
                }
            }
            int needed = o.rounds + o.warmupRounds;
            if (ids.size() < needed) {
                throw new IllegalStateException("bank " + o.quizBank + " has " + ids.size() + " single-choice questions, "
                        + needed + " rounds asked (--rounds, --warmup-rounds)");
            }
            ObjectNode useBank = Util.JSON.createObjectNode().put("type", "quiz.useBank");
            useBank.set("bank", bank);
            LiveBench.ok(facilitator, useBank.toString());
            ObjectNode configure = Util.JSON.createObjectNode().put("type", "quiz.configure");
            configure.putObject("settings").put("pacing", "live").put("secondsPerQuestion", o.quizSeconds)
                    .put("speedBonus", true).put("partialCredit", false).put("teamSize", o.teamSize).put("selfTeams", false);
            LiveBench.ok(facilitator, configure.toString());
            ObjectNode q = report.putObject("quiz");
            q.put("bank", o.quizBank);
            q.put("bankQuestions", questions.size());
            q.put("singleChoiceQuestionsPlayed", needed);
            q.put("secondsPerQuestion", o.quizSeconds);
            q.put("teamSize", o.teamSize);
        }

        @Override
        void afterStart(Conn facilitator, Conn screen, List<Conn> phones, ObjectNode report, long waitMs) {
            ObjectNode q = (ObjectNode) report.path("quiz");
            int n = phones.size();
            teams = Math.min(50, (n + o.teamSize - 1) / o.teamSize);
            teamed = new boolean[phones.stream().mapToInt(c -> c.index).max().orElse(0) + 1];
            playing = new boolean[teamed.length];
            long t0 = Util.nowUs();
            Conn.Reply balanced = facilitator.command("{\"type\":\"quiz.balanceTeams\",\"seed\":42,\"teams\":" + teams + "}").await();
            if (!balanced.accepted()) {
                throw new IllegalStateException("quiz.balanceTeams rejected: " + balanced.code());
            }
            boolean allTeamed = Util.waitFor(waitMs, () -> teamedCount.get() >= n);
            q.put("teams", teams);
            q.put("balanceAckMs", Stats.ms(balanced.latencyUs()));
            q.put("balanceAllPhonesSawTheirTeamMs", allTeamed ? Stats.ms(Util.nowUs() - t0) : -1);
            JsonNode[] view = new JsonNode[1];
            Util.waitFor(waitMs, () -> {
                view[0] = facilitator.lastViewJson();
                return view[0] != null && view[0].path("activity").path("unassignedCount").asInt(-1) == 0;
            });
            JsonNode teamList = view[0] == null ? null : view[0].path("activity").path("teams");
            if (teamList == null || teamList.size() != teams) {
                throw new IllegalStateException("the facilitator's view does not show " + teams + " teams");
            }
            for (int t = 0; t < teamList.size(); t++) {
                for (JsonNode m : teamList.get(t).path("members")) {
                    teamOf.put(m.path("id").asText(), t);
                }
            }
            t0 = Util.nowUs();
            Conn.Reply started = facilitator.command("{\"type\":\"quiz.start\"}").await();
            if (!started.accepted()) {
                throw new IllegalStateException("quiz.start rejected: " + started.code());
            }
            boolean allPlaying = Util.waitFor(waitMs, () -> playingCount.get() >= n);
            q.put("startAllPhonesPlayingMs", allPlaying ? Stats.ms(Util.nowUs() - t0) : -1);
            Bench.log("quiz: %d teams of about %d; every phone saw its team: %s; playing: %s", teams, o.teamSize, allTeamed, allPlaying);
        }

        @Override
        void phoneView(Conn c, String f) {
            boolean[] t = teamed;
            if (t != null && !t[c.index] && f.contains("\"myTeam\":\"")) {
                t[c.index] = true;
                teamedCount.incrementAndGet();
            }
            boolean[] p = playing;
            if (p != null && !p[c.index] && f.contains("\"stage\":\"PLAYING\"")) {
                p[c.index] = true;
                playingCount.incrementAndGet();
            }
        }

        @Override
        String questionId(int k) {
            return ids.get(k - 1);
        }

        @Override
        String askCommand(int k) {
            return "{\"type\":\"quiz.show\",\"index\":" + indexes.get(k - 1) + "}";
        }

        @Override
        int options(int k) {
            return choices.get(k - 1).size();
        }

        @Override
        String answerCommand(int k, int option) {
            return "{\"type\":\"quiz.answer\",\"questionId\":\"" + questionId(k) + "\",\"choices\":[\"" + choices.get(k - 1).get(option) + "\"]}";
        }

        @Override
        String closeCommand(int k) {
            return "{\"type\":\"quiz.reveal\",\"questionId\":\"" + questionId(k) + "\"}";
        }

        @Override
        String finishCommand() {
            return "{\"type\":\"quiz.finish\"}";
        }

        @Override
        int projectorFull(int connected) {
            return teams;
        }

        @Override
        int[] expected(List<Conn> phones, int k, int[] option, long[] ackSeq) {
            long[] bestSeq = new long[teams];
            int[] bestOption = new int[teams];
            java.util.Arrays.fill(bestSeq, -1);
            for (Conn c : phones) {
                Integer team = teamOf.get(c.participantId);
                if (team != null && ackSeq[c.index] > bestSeq[team]) {
                    bestSeq[team] = ackSeq[c.index];
                    bestOption[team] = option[c.index];
                }
            }
            int[] expected = new int[options(k)];
            for (int t = 0; t < teams; t++) {
                if (bestSeq[t] >= 0) {
                    expected[bestOption[t]]++;
                }
            }
            return expected;
        }

        @Override
        int[] distribution(JsonNode view, int k) {
            if (view == null) {
                return null;
            }
            JsonNode live = view.path("activity").path("live");
            if (!questionId(k).equals(live.path("question").path("id").asText())) {
                return null;
            }
            JsonNode buckets = live.path("reveal").path("distribution");
            if (!buckets.isArray()) {
                return null;
            }
            List<String> ids = choices.get(k - 1);
            int[] d = new int[ids.size()];
            for (JsonNode b : buckets) {
                int i = ids.indexOf(b.path("key").asText());
                if (i >= 0) {
                    d[i] = b.path("count").asInt();
                }
            }
            return d;
        }

        @Override
        boolean oneEventPerAnswer() {
            // An answer equal to the team's current one is acknowledged without an event.
            return false;
        }
    }
}
