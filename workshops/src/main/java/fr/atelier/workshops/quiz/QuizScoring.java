package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores, computed on the server only. A right answer earns the question's points; with partial
 * credit, a multiple-choice answer earns its share (right choices ticked minus wrong ones, over the
 * right ones, never below zero); in live pacing with the speed bonus, a fully right answer earns up
 * to half its points more, in proportion to the time left when the team last changed it. Ties are
 * broken by time: live, the total time taken by the answers that scored; challenge, the time of the
 * team's last change since the start.
 */
public final class QuizScoring {
    public static final double BONUS_SHARE = 0.5;

    private QuizScoring() {}

    /** How right a value is, from 0 to 1. */
    public static double fraction(Question q, AnswerValue v, boolean partialCredit) {
        if (v == null) {
            return 0;
        }
        switch (q.type()) {
            case SINGLE -> {
                return v.choices() != null && v.choices().size() == 1 && q.rightChoices().contains(v.choices().get(0)) ? 1 : 0;
            }
            case MULTIPLE -> {
                if (v.choices() == null) {
                    return 0;
                }
                Set<String> right = q.rightChoices();
                Set<String> given = new HashSet<>(v.choices());
                if (given.equals(right)) {
                    return 1;
                }
                if (!partialCredit || right.isEmpty()) {
                    return 0;
                }
                int good = 0;
                int bad = 0;
                for (String id : given) {
                    if (right.contains(id)) {
                        good++;
                    } else {
                        bad++;
                    }
                }
                return Math.max(0, good - bad) / (double) right.size();
            }
            case TRUEFALSE -> {
                return v.truth() != null && v.truth().equals(q.rightTruth()) ? 1 : 0;
            }
            case NUMBER -> {
                Double right = q.rightNumber();
                return v.number() != null && right != null && Math.abs(v.number() - right) <= q.tolerance0() + 1e-9 ? 1 : 0;
            }
            case TEXT -> {
                return v.text() != null && q.accepts(v.text()) ? 1 : 0;
            }
            default -> throw new IllegalStateException("type " + q.type());
        }
    }

    public static boolean right(Question q, AnswerValue v) {
        return fraction(q, v, false) == 1;
    }

    /** Points of one team answer, speed bonus included. */
    public static int points(QuizState s, Question q, TeamAnswer a) {
        if (a == null) {
            return 0;
        }
        double f = fraction(q, a.value(), s.settings().partialCredit());
        int points = (int) Math.round(q.worth() * f);
        if (f == 1 && s.live() && s.settings().speedBonus()) {
            Played p = s.playedOf(q.id());
            if (p != null && p.deadline() != null && p.deadline() > p.shownAt()) {
                double left = Math.max(0, Math.min(1, (p.deadline() - a.at()) / (double) (p.deadline() - p.shownAt())));
                points += (int) Math.round(q.worth() * BONUS_SHARE * left);
            }
        }
        return points;
    }

    /** One team's place. {@code timeMs} breaks ties (smaller is better). */
    public record Standing(int rank, String teamId, String name, int score, int right, int answered, long timeMs,
                           List<String> members) {}

    /**
     * The ranking of the teams that have members or answers, counting only the questions
     * {@code counted} accepts (the revealed ones, for anyone but the facilitator). With
     * {@code nickname} null, members are left out (what phones and the projector get: their size
     * would grow with the room).
     */
    public static List<Standing> standings(QuizState s, Predicate<String> counted, java.util.function.Function<String, String> nickname) {
        List<Standing> rows = new ArrayList<>();
        if (s.bank() == null) {
            return rows;
        }
        for (Teams.Team t : s.teams().teams()) {
            int score = 0;
            int right = 0;
            int answered = 0;
            long time = 0;
            long last = 0;
            for (Question q : s.bank().questions()) {
                if (!counted.test(q.id())) {
                    continue;
                }
                TeamAnswer a = s.answerOf(q.id(), t.id());
                if (a == null) {
                    continue;
                }
                answered++;
                int p = points(s, q, a);
                score += p;
                if (fraction(q, a.value(), false) == 1) {
                    right++;
                }
                if (s.live()) {
                    Played played = s.playedOf(q.id());
                    if (p > 0 && played != null) {
                        time += Math.max(0, a.at() - played.shownAt());
                    }
                } else {
                    last = Math.max(last, a.at());
                }
            }
            if (!s.live() && last > 0 && s.startedAt() != null) {
                time = last - s.startedAt();
            }
            if (t.members().isEmpty() && answered == 0) {
                continue;
            }
            List<String> names = nickname == null ? null : t.members().stream().map(nickname).toList();
            rows.add(new Standing(0, t.id(), t.name(), score, right, answered, time, names));
        }
        rows.sort(Comparator.comparingInt(Standing::score).reversed()
                .thenComparingLong(Standing::timeMs)
                .thenComparing(Standing::name));
        List<Standing> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Standing r = rows.get(i);
            Standing prev = i == 0 ? null : rows.get(i - 1);
            int rank = prev != null && prev.score() == r.score() && prev.timeMs() == r.timeMs() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Standing(rank, r.teamId(), r.name(), r.score(), r.right(), r.answered(), r.timeMs(), r.members()));
        }
        return ranked;
    }

    /** Teams' answers of one question, as bars: one per choice (or value given), right ones flagged. */
    public record Bucket(String key, String label, int count, boolean right) {}

    public static List<Bucket> distribution(Question q, Map<String, TeamAnswer> byTeam) {
        List<Bucket> out = new ArrayList<>();
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                Set<String> right = q.rightChoices();
                for (int i = 0; i < q.choices().size(); i++) {
                    QuizBank.Choice c = q.choices().get(i);
                    int n = 0;
                    for (TeamAnswer a : byTeam.values()) {
                        if (a.value().choices() != null && a.value().choices().contains(c.id())) {
                            n++;
                        }
                    }
                    out.add(new Bucket(c.id(), letter(i) + ". " + c.text(), n, right.contains(c.id())));
                }
            }
            case TRUEFALSE -> {
                int yes = 0;
                int no = 0;
                for (TeamAnswer a : byTeam.values()) {
                    if (Boolean.TRUE.equals(a.value().truth())) {
                        yes++;
                    } else if (Boolean.FALSE.equals(a.value().truth())) {
                        no++;
                    }
                }
                out.add(new Bucket("true", "Vrai", yes, Boolean.TRUE.equals(q.rightTruth())));
                out.add(new Bucket("false", "Faux", no, Boolean.FALSE.equals(q.rightTruth())));
            }
            case NUMBER -> {
                java.util.TreeMap<Double, Integer> counts = new java.util.TreeMap<>();
                for (TeamAnswer a : byTeam.values()) {
                    if (a.value().number() != null) {
                        counts.merge(a.value().number(), 1, Integer::sum);
                    }
                }
                counts.forEach((value, n) -> out.add(new Bucket(formatNumber(value), formatNumber(value), n,
                        right(q, AnswerValue.ofNumber(value)))));
            }
            case TEXT -> {
                java.util.LinkedHashMap<String, String> labels = new java.util.LinkedHashMap<>();
                java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
                for (TeamAnswer a : byTeam.values()) {
                    if (a.value().text() != null) {
                        String key = fr.atelier.workshops.core.Text.foldForComparison(a.value().text());
                        labels.putIfAbsent(key, a.value().text());
                        counts.merge(key, 1, Integer::sum);
                    }
                }
                counts.forEach((key, n) -> out.add(new Bucket(key, labels.get(key), n, q.accepts(key))));
            }
            default -> throw new IllegalStateException("type " + q.type());
        }
        return out;
    }

    /** A readable form of an answer ("B. Onisep", "Vrai", "6", "France Travail"). */
    public static String label(Question q, AnswerValue v) {
        if (v == null) {
            return "";
        }
        if (v.choices() != null) {
            List<String> parts = new ArrayList<>();
            for (String id : v.choices()) {
                int i = q.choiceIndex(id);
                parts.add(i < 0 ? id : letter(i) + ". " + q.choices().get(i).text());
            }
            return String.join(" ; ", parts);
        }
        if (v.truth() != null) {
            return v.truth() ? "Vrai" : "Faux";
        }
        if (v.number() != null) {
            return formatNumber(v.number());
        }
        return v.text() == null ? "" : v.text();
    }

    /** The right answer, readable: "A. Parcoursup", "Vrai", "6 (± 1)", "Étoile / portail Étoile". */
    public static String rightLabel(Question q) {
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                return label(q, AnswerValue.ofChoices(new ArrayList<>(q.rightChoices())));
            }
            case TRUEFALSE -> {
                return Boolean.TRUE.equals(q.rightTruth()) ? "Vrai" : "Faux";
            }
            case NUMBER -> {
                String n = q.rightNumber() == null ? "" : formatNumber(q.rightNumber());
                return q.tolerance0() > 0 ? n + " (± " + formatNumber(q.tolerance0()) + ")" : n;
            }
            case TEXT -> {
                return String.join(" / ", q.acceptedTexts());
            }
            default -> throw new IllegalStateException("type " + q.type());
        }
    }

    public static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** 6 → "6", 2.5 → "2,5" (French decimal comma). */
    public static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
