package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.atelier.workshops.core.PlatformCommand.Declare;
import fr.atelier.workshops.core.PlatformCommand.EndIdle;
import fr.atelier.workshops.core.PlatformCommand.Frame;
import fr.atelier.workshops.core.PlatformCommand.ImpactAnswer;
import fr.atelier.workshops.core.PlatformEvent.Declared;
import fr.atelier.workshops.core.PlatformEvent.Framed;
import fr.atelier.workshops.core.PlatformEvent.ImpactAnswered;
import fr.atelier.workshops.core.PlatformEvent.SessionEnded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session records for the Région's report (issue 18) beyond its roster: the partner structures
 * a participant may name, the territory's impact questions and their answers, and who closed it.
 * The frame (structures offered, questions) is set by the server when a prepared session opens.
 */
public record Bilan(
        List<Structure> structures,
        boolean askStructure,
        List<Question> questions,
        Map<String, Declaration> declarations,
        Map<String, Integer> answers,
        String closedBy) {

    /** A partner structure of the territory, offered at join. */
    public record Structure(String id, String name) {}

    /** An impact question: {@code moments} is "before", "after" or "both". */
    public record Question(String id, String text, String moments) {
        boolean askedAt(String moment) {
            return "both".equals(moments) || moments.equals(moment);
        }
    }

    /** What a participant declared: a structure (optional) and how many people share the device (optional). */
    public record Declaration(String structureId, Integer declaredSize) {}

    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String BY_FACILITATOR = "facilitator";
    public static final String BY_SYSTEM = "system";
    public static final int MAX_TEAM_SIZE = 30;
    public static final int MAX_STRUCTURES = 200;
    public static final int MAX_QUESTIONS = 10;
    public static final int QUESTION_MAX = 300;

    public static final Bilan EMPTY = new Bilan(List.of(), false, List.of(), Map.of(), Map.of(), null);

    public Bilan {
        structures = structures == null ? List.of() : List.copyOf(structures);
        questions = questions == null ? List.of() : List.copyOf(questions);
        declarations = PersistentMap.of(declarations == null ? Map.of() : declarations);
        answers = PersistentMap.of(answers == null ? Map.of() : answers);
    }

    /** The key of one answer: participant, question and moment. */
    public static String answerKey(String participantId, String questionId, String moment) {
        return participantId + "/" + questionId + "/" + moment;
    }

    public Integer answer(String participantId, String questionId, String moment) {
        return answers.get(answerKey(participantId, questionId, moment));
    }

    // ---- rules -------------------------------------------------------------------------------

    /** The rules of the commands of this record; null when {@code c} is not one of them. */
    static Decision<SessionEvent> decide(PlatformState p, Actor who, PlatformCommand c, long at) {
        if (c instanceof EndIdle idle) {
            if (!(who instanceof Actor.System)) {
                return Decision.reject("forbidden", "Seul le serveur clôt une session inactive.");
            }
            return Decision.accept(new SessionEnded(at, BY_SYSTEM));
        }
        if (c instanceof Frame f) {
            return frame(who, f, at);
        }
        if (c instanceof Declare d) {
            return declare(p, who, d, at);
        }
        if (c instanceof ImpactAnswer a) {
            return answer(p, who, a, at);
        }
        return null;
    }

    private static Decision<SessionEvent> frame(Actor who, Frame f, long at) {
        if (!(who instanceof Actor.System)) {
            return Decision.reject("forbidden", "Les structures et questions d’une séance viennent de sa préparation.");
        }
        List<Structure> structures = f.structures() == null ? List.of() : f.structures();
        List<Question> questions = f.questions() == null ? List.of() : f.questions();
        if (structures.size() > MAX_STRUCTURES || questions.size() > MAX_QUESTIONS) {
            return Decision.reject("invalid", "Trop de structures ou de questions pour une séance.");
        }
        Set<String> ids = new HashSet<>();
        for (Question q : questions) {
            String problem = questionProblem(q == null ? null : q.text(), q == null ? null : q.moments());
            if (problem != null || q.id() == null || !ids.add(q.id())) {
                return Decision.reject("invalid", problem != null ? problem : "Question d’impact sans identifiant.");
            }
        }
        for (Structure s : structures) {
            if (s == null || s.id() == null || s.name() == null || !ids.add(s.id())) {
                return Decision.reject("invalid", "Structure sans identifiant ou en double.");
            }
        }
        return Decision.accept(new Framed(structures, f.askStructure(), questions, at));
    }

    /** Validates an impact question's text and moments; null when valid, else a French message. */
    public static String questionProblem(String text, String moments) {
        String clean = text == null ? "" : Text.clean(text);
        if (clean.isEmpty() || clean.length() > QUESTION_MAX) {
            return "Une question d’impact tient en 1 à " + QUESTION_MAX + " caractères.";
        }
        if (!List.of(BEFORE, AFTER, "both").contains(moments)) {
            return "Le moment d’une question est « before », « after » ou « both ».";
        }
        return null;
    }

    private static Decision<SessionEvent> declare(PlatformState p, Actor who, Declare d, long at) {
        if (!(who instanceof Actor.Participant me) || !p.roster().isActive(me.id())) {
            return Decision.reject("forbidden", "Seul un participant déclare sa structure.");
        }
        Bilan b = p.bilan();
        if (d.structureId() != null) {
            if (!b.askStructure()) {
                return Decision.reject("invalid", "Cette séance ne demande pas de structure.");
            }
            if (b.structures().stream().noneMatch(s -> s.id().equals(d.structureId()))) {
                return Decision.reject("not_found", "Cette structure n’est pas dans la liste du territoire.");
            }
        }
        if (d.declaredSize() != null && (d.declaredSize() < 1 || d.declaredSize() > MAX_TEAM_SIZE)) {
            return Decision.reject("invalid", "Une équipe sur un même appareil compte de 1 à " + MAX_TEAM_SIZE + " personnes.");
        }
        Declaration now = new Declaration(d.structureId(), d.declaredSize());
        if (now.equals(b.declarations().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Declared(me.id(), d.structureId(), d.declaredSize(), at));
    }

    private static Decision<SessionEvent> answer(PlatformState p, Actor who, ImpactAnswer a, long at) {
        if (!(who instanceof Actor.Participant me) || !p.roster().isActive(me.id())) {
            return Decision.reject("forbidden", "Seuls les participants répondent aux questions.");
        }
        Question q = p.bilan().questions().stream().filter(x -> x.id().equals(a.questionId())).findFirst().orElse(null);
        if (q == null) {
            return Decision.reject("not_found", "Cette question n’est pas posée dans cette séance.");
        }
        if (!BEFORE.equals(a.moment()) && !AFTER.equals(a.moment()) || !q.askedAt(a.moment())) {
            return Decision.reject("invalid", "Cette question n’est pas posée à ce moment.");
        }
        boolean open = BEFORE.equals(a.moment())
                ? p.phase() == Phase.LOBBY || p.phase() == Phase.ACTIVITY
                : p.phase() == Phase.SATISFACTION;
        if (!open) {
            return Decision.reject("wrong_phase", BEFORE.equals(a.moment())
                    ? "Les questions du début ne sont plus ouvertes." : "Les questions de fin ne sont pas encore ouvertes.");
        }
        if (a.score() < Satisfaction.MIN || a.score() > Satisfaction.MAX) {
            return Decision.reject("invalid", "La note doit être comprise entre 1 et 5.");
        }
        if (Integer.valueOf(a.score()).equals(p.bilan().answer(me.id(), q.id(), a.moment()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new ImpactAnswered(me.id(), q.id(), a.moment(), a.score(), at));
    }

    // ---- facts -------------------------------------------------------------------------------

    /** Applies one of this record's events; null when {@code e} is not one of them. */
    Bilan evolve(PlatformEvent e) {
        if (e instanceof Framed f) {
            return new Bilan(f.structures(), f.askStructure(), f.questions(), declarations, answers, closedBy);
        }
        if (e instanceof Declared d) {
            return new Bilan(structures, askStructure, questions,
                    ((PersistentMap<String, Declaration>) declarations).plus(d.participantId(), new Declaration(d.structureId(), d.declaredSize())),
                    answers, closedBy);
        }
        if (e instanceof ImpactAnswered a) {
            return new Bilan(structures, askStructure, questions, declarations,
                    ((PersistentMap<String, Integer>) answers).plus(answerKey(a.participantId(), a.questionId(), a.moment()), a.score()),
                    closedBy);
        }
        if (e instanceof SessionEnded end) {
            return new Bilan(structures, askStructure, questions, declarations, answers,
                    end.by() == null ? BY_FACILITATOR : end.by());
        }
        return null;
    }

    // ---- views -------------------------------------------------------------------------------

    /** A question as a phone sees it, with its own answer for the moment now asked. */
    public record PhoneQuestion(String id, String text, String moment, Integer mine) {}

    /** What a phone sees: the structures it may pick, its declaration, the questions open now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhoneView(List<Structure> structures, Declaration mine, List<PhoneQuestion> questions) {}

    /** Before/after averages of one question, for the console and the synthesis. */
    public record QuestionSummary(String id, String text, int beforeCount, Double beforeAverage, int afterCount, Double afterAverage) {}

    public PhoneView phoneView(String participantId, Phase phase) {
        String moment = phase == Phase.LOBBY || phase == Phase.ACTIVITY ? BEFORE : phase == Phase.SATISFACTION ? AFTER : null;
        List<PhoneQuestion> open = new ArrayList<>();
        if (moment != null) {
            for (Question q : questions) {
                if (q.askedAt(moment)) {
                    open.add(new PhoneQuestion(q.id(), q.text(), moment, answer(participantId, q.id(), moment)));
                }
            }
        }
        boolean declaring = phase == Phase.LOBBY || phase == Phase.ACTIVITY;
        if (open.isEmpty() && !declaring) {
            return null;
        }
        return new PhoneView(askStructure && declaring ? structures : null,
                declarations.getOrDefault(participantId, null), open.isEmpty() ? null : open);
    }

    public List<QuestionSummary> summaries() {
        Map<String, int[]> sums = new LinkedHashMap<>();
        answers.forEach((key, score) -> {
            String[] parts = key.split("/");
            int[] s = sums.computeIfAbsent(parts[1] + "/" + parts[2], k -> new int[2]);
            s[0]++;
            s[1] += score;
        });
        List<QuestionSummary> out = new ArrayList<>();
        for (Question q : questions) {
            int[] b = sums.getOrDefault(q.id() + "/" + BEFORE, new int[2]);
            int[] a = sums.getOrDefault(q.id() + "/" + AFTER, new int[2]);
            out.add(new QuestionSummary(q.id(), q.text(), b[0], average(b), a[0], average(a)));
        }
        return out;
    }

    private static Double average(int[] countAndSum) {
        return countAndSum[0] == 0 ? null : Math.round(10.0 * countAndSum[1] / countAndSum[0]) / 10.0;
    }

    /** Devices plus the people declared behind shared devices: a team of 4 on one phone counts 4. */
    public int peopleCount(Set<String> participants) {
        int n = 0;
        for (String id : participants) {
            Declaration d = declarations.get(id);
            n += d == null || d.declaredSize() == null ? 1 : d.declaredSize();
        }
        return n;
    }
}
