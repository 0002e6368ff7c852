package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizCommand.Answer;
import fr.atelier.workshops.quiz.QuizCommand.BalanceTeams;
import fr.atelier.workshops.quiz.QuizCommand.Configure;
import fr.atelier.workshops.quiz.QuizCommand.CreateTeam;
import fr.atelier.workshops.quiz.QuizCommand.Debrief;
import fr.atelier.workshops.quiz.QuizCommand.Extend;
import fr.atelier.workshops.quiz.QuizCommand.Finish;
import fr.atelier.workshops.quiz.QuizCommand.JoinTeam;
import fr.atelier.workshops.quiz.QuizCommand.LeaveTeam;
import fr.atelier.workshops.quiz.QuizCommand.Lock;
import fr.atelier.workshops.quiz.QuizCommand.MoveMember;
import fr.atelier.workshops.quiz.QuizCommand.RemoveTeam;
import fr.atelier.workshops.quiz.QuizCommand.RenameTeam;
import fr.atelier.workshops.quiz.QuizCommand.Reveal;
import fr.atelier.workshops.quiz.QuizCommand.Show;
import fr.atelier.workshops.quiz.QuizCommand.ShowScoreboard;
import fr.atelier.workshops.quiz.QuizCommand.Start;
import fr.atelier.workshops.quiz.QuizCommand.Submit;
import fr.atelier.workshops.quiz.QuizCommand.UseBank;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.BankChosen;
import fr.atelier.workshops.quiz.QuizEvent.Configured;
import fr.atelier.workshops.quiz.QuizEvent.DeadlineExtended;
import fr.atelier.workshops.quiz.QuizEvent.DebriefShown;
import fr.atelier.workshops.quiz.QuizEvent.Finished;
import fr.atelier.workshops.quiz.QuizEvent.MemberJoined;
import fr.atelier.workshops.quiz.QuizEvent.MemberLeft;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import fr.atelier.workshops.quiz.QuizEvent.ScoreboardShown;
import fr.atelier.workshops.quiz.QuizEvent.Started;
import fr.atelier.workshops.quiz.QuizEvent.TeamCreated;
import fr.atelier.workshops.quiz.QuizEvent.TeamRemoved;
import fr.atelier.workshops.quiz.QuizEvent.TeamRenamed;
import fr.atelier.workshops.quiz.QuizEvent.TeamSubmitted;
import fr.atelier.workshops.quiz.QuizEvent.TeamsBalanced;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.Stage;
import fr.atelier.workshops.quiz.QuizState.Status;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * "Challenge numérique": the team quiz on the partners' online services (practice #7 of the SPRO
 * seed). Teams answer together from their phones; live, the facilitator paces the questions; in
 * challenge pacing each team plays every question against a global clock. Scores are the server's.
 */
public final class QuizFormat implements Format<QuizState, QuizCommand, QuizEvent> {
    public static final String ID = "quiz";
    public static final String TEAM_PREFIX = "t";
    public static final int ANSWER_TEXT_MAX = 200;
    public static final int EXTEND_MIN = 10;
    public static final int EXTEND_MAX = 3600;
    /** A timer may fire a hair early (clocks, scheduling): the challenge ends if this close. */
    static final long TIMER_SLACK_MS = 1000;

    @Override public String id() { return ID; }
    @Override public String title() { return "Challenge numérique"; }
    @Override public Class<QuizState> stateType() { return QuizState.class; }
    @Override public Class<QuizCommand> commandType() { return QuizCommand.class; }
    @Override public Class<QuizEvent> eventType() { return QuizEvent.class; }
    @Override public QuizState initialState() { return QuizState.initial(); }

    @Override
    public Decision<QuizEvent> decide(QuizState s, Roster roster, Actor who, QuizCommand c, Instant now) {
        long at = now.toEpochMilli();
        if (c instanceof Answer a) {
            return answer(s, roster, who, a, at);
        }
        if (c instanceof CreateTeam ct) {
            return createTeam(s, who, ct, at);
        }
        if (c instanceof JoinTeam j) {
            return joinTeam(s, roster, who, j, at);
        }
        if (c instanceof LeaveTeam) {
            return leaveTeam(s, who, at);
        }
        if (c instanceof Submit) {
            return submit(s, who, at);
        }
        if (who instanceof Actor.System) {
            return timer(s, c, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Seul l'animateur ou l'animatrice peut faire cela.");
        }
        if (c instanceof UseBank u) {
            return useBank(s, u, at);
        }
        if (c instanceof Configure conf) {
            return configure(s, conf, at);
        }
        if (c instanceof RenameTeam r) {
            return renameTeam(s, r, at);
        }
        if (c instanceof RemoveTeam r) {
            if (s.stage() != Stage.SETUP) {
                return Decision.reject("wrong_phase", "Le quiz a commencé : on ne supprime plus d'équipe.");
            }
            if (s.teams().team(r.teamId()).isEmpty()) {
                return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
            }
            return Decision.accept(new TeamRemoved(r.teamId(), at));
        }
        if (c instanceof MoveMember m) {
            return moveMember(s, roster, m, at);
        }
        if (c instanceof BalanceTeams b) {
            return balance(s, roster, b, at);
        }
        if (c instanceof Start) {
            return start(s, roster, at);
        }
        if (c instanceof Show show) {
            return show(s, show, at);
        }
        if (c instanceof Lock lock) {
            Played p = s.current();
            if (!s.live() || s.stage() != Stage.PLAYING || p == null || !p.questionId().equals(lock.questionId())
                    || p.status() != Status.OPEN) {
                return Decision.reject("wrong_phase", "Cette question n'est pas ouverte.");
            }
            return Decision.accept(new QuestionLocked(p.questionId(), at));
        }
        if (c instanceof Reveal reveal) {
            return reveal(s, reveal, at);
        }
        if (c instanceof ShowScoreboard) {
            Played p = s.current();
            if (!s.live() || s.stage() != Stage.PLAYING || p == null || p.status() != Status.REVEALED) {
                return Decision.reject("wrong_phase", "Le classement s'affiche après la révélation d'une réponse.");
            }
            return s.scoreboard() ? Decision.accept(List.of()) : Decision.accept(new ScoreboardShown(at));
        }
        if (c instanceof Extend e) {
            return extend(s, e, at);
        }
        if (c instanceof Finish) {
            return finish(s, at);
        }
        if (c instanceof Debrief d) {
            if (s.stage() != Stage.FINISHED) {
                return Decision.reject("wrong_phase", "Le débriefing vient à la fin du quiz.");
            }
            if (d.index() != null && (d.index() < 0 || d.index() >= s.inPlay().size())) {
                return Decision.reject("invalid", "Question inconnue.");
            }
            return java.util.Objects.equals(d.index(), s.debrief()) ? Decision.accept(List.of())
                    : Decision.accept(new DebriefShown(d.index(), at));
        }
        throw new IllegalStateException("unknown command " + c);
    }

    // ---- set-up -----------------------------------------------------------------------------------

    private Decision<QuizEvent> useBank(QuizState s, UseBank u, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : la banque de questions ne change plus.");
        }
        List<Problem> problems = QuizBankCheck.check(u.bank(), QuizBankCheck.Lines.NONE);
        if (!problems.isEmpty()) {
            StringBuilder m = new StringBuilder("Banque de questions invalide : ");
            for (int i = 0; i < Math.min(3, problems.size()); i++) {
                m.append(i == 0 ? "" : " ").append(problems.get(i).message());
            }
            if (problems.size() > 3) {
                m.append(" (et ").append(problems.size() - 3).append(" autre(s) problème(s))");
            }
            return Decision.reject("invalid", m.toString());
        }
        return Decision.accept(new BankChosen(QuizBankCheck.tidy(u.bank()), at));
    }

    private Decision<QuizEvent> configure(QuizState s, Configure conf, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : les réglages ne changent plus.");
        }
        if (conf.settings() == null) {
            return Decision.reject("invalid", "Réglages manquants.");
        }
        String problem = conf.settings().problem();
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return conf.settings().equals(s.settings()) ? Decision.accept(List.of()) : Decision.accept(new Configured(conf.settings(), at));
    }

    private Decision<QuizEvent> createTeam(QuizState s, Actor who, CreateTeam ct, long at) {
        String by = null;
        if (who instanceof Actor.Participant me) {
            if (!s.settings().selfTeams()) {
                return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
            }
            if (s.stage() == Stage.PLAYING && s.teams().teamOf(me.id()).isPresent()) {
                return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
            }
            by = me.id();
        } else if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Rejoignez la session pour créer une équipe.");
        }
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        String name = Teams.cleanName(ct.name());
        String problem = s.teams().problemCreating(name);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        String id = s.teams().nextId(TEAM_PREFIX);
        if (by == null) {
            return Decision.accept(new TeamCreated(id, name, null, at));
        }
        return Decision.accept(new TeamCreated(id, name, by, at), new MemberJoined(id, by, at));
    }

    private Decision<QuizEvent> renameTeam(QuizState s, RenameTeam r, long at) {
        if (s.teams().team(r.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        String name = Teams.cleanName(r.name());
        String problem = s.teams().problemWithName(name, r.teamId());
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return name.equals(s.teams().team(r.teamId()).get().name()) ? Decision.accept(List.of())
                : Decision.accept(new TeamRenamed(r.teamId(), name, at));
    }

    private Decision<QuizEvent> joinTeam(QuizState s, Roster roster, Actor who, JoinTeam j, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants rejoignent une équipe.");
        }
        if (!s.settings().selfTeams()) {
            return Decision.reject("forbidden", "C'est l'équipe d'animation qui compose les équipes.");
        }
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        String current = s.teams().teamIdOf(me.id());
        if (j.teamId() != null && j.teamId().equals(current)) {
            return Decision.accept(List.of());
        }
        if (s.stage() == Stage.PLAYING && current != null) {
            return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
        }
        String problem = s.teams().problemJoining(me.id(), j.teamId(), roster::isActive);
        if (problem != null) {
            return Decision.reject(s.teams().team(j.teamId()).isEmpty() ? "not_found" : "invalid", problem);
        }
        return Decision.accept(new MemberJoined(j.teamId(), me.id(), at));
    }

    private Decision<QuizEvent> leaveTeam(QuizState s, Actor who, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seuls les participants quittent une équipe.");
        }
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Pendant le quiz, on ne change pas d'équipe.");
        }
        return s.teams().teamOf(me.id()).isEmpty() ? Decision.accept(List.of()) : Decision.accept(new MemberLeft(me.id(), at));
    }

    private Decision<QuizEvent> moveMember(QuizState s, Roster roster, MoveMember m, long at) {
        if (s.stage() == Stage.FINISHED) {
            return Decision.reject("wrong_phase", "Le quiz est terminé.");
        }
        if (m.participantId() == null || roster.member(m.participantId()).isEmpty()) {
            return Decision.reject("not_found", "Participant inconnu.");
        }
        String current = s.teams().teamIdOf(m.participantId());
        if (m.teamId() == null) {
            return current == null ? Decision.accept(List.of()) : Decision.accept(new MemberLeft(m.participantId(), at));
        }
        if (s.teams().team(m.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas (ou plus).");
        }
        // The facilitator may go over the size limit: they see the room, the limit is for self-service.
        return m.teamId().equals(current) ? Decision.accept(List.of()) : Decision.accept(new MemberJoined(m.teamId(), m.participantId(), at));
    }

    private Decision<QuizEvent> balance(QuizState s, Roster roster, BalanceTeams b, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a commencé : la répartition automatique n'est plus possible.");
        }
        List<String> people = roster.all().stream().filter(Roster.Member::active).map(Roster.Member::id).toList();
        Teams.Draw draw = s.teams().draw(b.seed(), b.teams(), TEAM_PREFIX, people);
        if (draw.problem() != null) {
            return Decision.reject(draw.code(), draw.problem());
        }
        List<QuizState.NewTeam> created = draw.created().stream().map(t -> new QuizState.NewTeam(t.id(), t.name())).toList();
        return Decision.accept(new TeamsBalanced(b.seed(), created, draw.assignment(), at));
    }

    private Decision<QuizEvent> start(QuizState s, Roster roster, long at) {
        if (s.stage() != Stage.SETUP) {
            return Decision.reject("wrong_phase", "Le quiz a déjà commencé.");
        }
        if (s.bank() == null) {
            return Decision.reject("wrong_phase", "Choisissez d'abord une banque de questions.");
        }
        boolean someone = s.teams().teams().stream().anyMatch(t -> t.size(roster::isActive) > 0);
        if (!someone) {
            return Decision.reject("wrong_phase", "Formez au moins une équipe avec un participant avant de commencer.");
        }
        Long deadline = s.live() ? null : at + s.settings().timeLimitMinutes() * 60_000L;
        return Decision.accept(new Started(at, deadline));
    }

    // ---- playing ---------------------------------------------------------------------------------

    private Decision<QuizEvent> show(QuizState s, Show show, long at) {
        if (s.stage() != Stage.PLAYING || !s.live()) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé."
                    : s.stage() == Stage.FINISHED ? "Le quiz est terminé." : "En défi chronométré, chaque équipe avance à son rythme.");
        }
        Played current = s.current();
        if (current != null && current.status() != Status.REVEALED) {
            return Decision.reject("wrong_phase", "Révélez d'abord la réponse de la question en cours.");
        }
        int size = s.bank().size();
        Integer index = show.index();
        if (index == null) {
            int from = current == null ? 0 : current.index() + 1;
            for (int i = 0; i < size && index == null; i++) {
                int candidate = (from + i) % size;
                if (s.playedOf(s.bank().questions().get(candidate).id()) == null) {
                    index = candidate;
                }
            }
            if (index == null) {
                return Decision.reject("wrong_phase", "Toutes les questions ont été posées : affichez le podium.");
            }
        } else if (index < 0 || index >= size) {
            return Decision.reject("invalid", "Question inconnue.");
        } else if (s.playedOf(s.bank().questions().get(index).id()) != null) {
            return Decision.reject("invalid", "Cette question a déjà été posée.");
        }
        Integer seconds = s.settings().secondsPerQuestion();
        Long deadline = seconds == null ? null : at + seconds * 1000L;
        return Decision.accept(new QuestionShown(s.bank().questions().get(index).id(), index, at, deadline));
    }

    private Decision<QuizEvent> answer(QuizState s, Roster roster, Actor who, Answer a, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seules les équipes répondent.");
        }
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé." : "Le quiz est terminé.");
        }
        Teams.Team team = s.teams().teamOf(me.id()).orElse(null);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez d'abord une équipe.");
        }
        Question q = a.questionId() == null ? null : s.bank().question(a.questionId());
        if (q == null) {
            return Decision.reject("not_found", "Question inconnue.");
        }
        if (s.live()) {
            Played p = s.current();
            if (p == null || !p.questionId().equals(q.id())) {
                return Decision.reject("not_found", "Cette question n'est plus d'actualité.");
            }
            if (p.status() != Status.OPEN) {
                return Decision.reject("wrong_phase", "Trop tard : la question est verrouillée.");
            }
            if (p.deadline() != null && at > p.deadline()) {
                return Decision.reject("wrong_phase", "Trop tard : le temps est écoulé.");
            }
        } else {
            if (s.deadline() != null && at > s.deadline()) {
                return Decision.reject("wrong_phase", "Trop tard : le temps est écoulé.");
            }
            if (s.submitted().containsKey(team.id())) {
                return Decision.reject("wrong_phase", "Votre équipe a déjà rendu ses réponses.");
            }
        }
        Parsed parsed = parse(q, a);
        if (parsed.problem() != null) {
            return Decision.reject("invalid", parsed.problem());
        }
        TeamAnswer current = s.answerOf(q.id(), team.id());
        if (current == null && parsed.value() == null || current != null && current.value().equals(parsed.value())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Answered(q.id(), team.id(), me.id(), parsed.value(), at, team.members()));
    }

    private record Parsed(AnswerValue value, String problem) {}

    /** The command's value in canonical form (choices in the bank's order, clean text), or a problem. */
    static Parsed parse(Question q, Answer a) {
        int set = (a.choices() != null ? 1 : 0) + (a.truth() != null ? 1 : 0) + (a.number() != null ? 1 : 0) + (a.text() != null ? 1 : 0);
        if (set > 1) {
            return new Parsed(null, "Une seule forme de réponse à la fois.");
        }
        if (set == 0) {
            return new Parsed(null, null);
        }
        String expected = "Réponse inattendue pour une question de type « " + QuizBankCheck.typeName(q.type()) + " ».";
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (a.choices() == null) {
                    return new Parsed(null, expected);
                }
                Set<String> given = new LinkedHashSet<>();
                for (String id : a.choices()) {
                    if (id == null || q.choice(id) == null) {
                        return new Parsed(null, "Réponse inconnue.");
                    }
                    given.add(id);
                }
                if (given.isEmpty()) {
                    return new Parsed(null, null);
                }
                if (q.type() == QuizBank.Type.SINGLE && given.size() > 1) {
                    return new Parsed(null, "Une seule réponse possible pour cette question.");
                }
                List<String> ordered = new ArrayList<>();
                for (QuizBank.Choice c : q.choices()) {
                    if (given.contains(c.id())) {
                        ordered.add(c.id());
                    }
                }
                return new Parsed(AnswerValue.ofChoices(ordered), null);
            }
            case TRUEFALSE -> {
                return a.truth() == null ? new Parsed(null, expected) : new Parsed(AnswerValue.ofTruth(a.truth()), null);
            }
            case NUMBER -> {
                if (a.number() == null) {
                    return new Parsed(null, expected);
                }
                if (!Double.isFinite(a.number()) || Math.abs(a.number()) > QuizBankCheck.NUMBER_MAX) {
                    return new Parsed(null, "Ce nombre n'est pas valable.");
                }
                return new Parsed(AnswerValue.ofNumber(a.number() == 0 ? 0.0 : a.number()), null);
            }
            case TEXT -> {
                if (a.text() == null) {
                    return new Parsed(null, expected);
                }
                String text = Text.clean(a.text()).replaceAll("\\s+", " ");
                if (text.isEmpty()) {
                    return new Parsed(null, null);
                }
                if (text.length() > ANSWER_TEXT_MAX) {
                    return new Parsed(null, "La réponse ne doit pas dépasser " + ANSWER_TEXT_MAX + " caractères.");
                }
                return new Parsed(AnswerValue.ofText(text), null);
            }
            default -> throw new IllegalStateException("type " + q.type());
        }
    }

    private Decision<QuizEvent> reveal(QuizState s, Reveal reveal, long at) {
        if (!s.live() || s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", "Rien à révéler maintenant.");
        }
        Played p = s.current();
        if (p == null || !p.questionId().equals(reveal.questionId())) {
            return Decision.reject("not_found", "Question inconnue.");
        }
        if (p.status() == Status.REVEALED) {
            return Decision.reject("wrong_phase", "La réponse est déjà affichée.");
        }
        List<QuizEvent> events = new ArrayList<>();
        if (p.status() == Status.OPEN) {
            events.add(new QuestionLocked(p.questionId(), at));
        }
        events.add(new QuestionRevealed(p.questionId(), at));
        return Decision.accept(events);
    }

    private Decision<QuizEvent> submit(QuizState s, Actor who, long at) {
        if (!(who instanceof Actor.Participant me)) {
            return Decision.reject("forbidden", "Seules les équipes rendent leurs réponses.");
        }
        if (s.stage() != Stage.PLAYING || s.live()) {
            return Decision.reject("wrong_phase", "Rien à rendre maintenant.");
        }
        Teams.Team team = s.teams().teamOf(me.id()).orElse(null);
        if (team == null) {
            return Decision.reject("forbidden", "Rejoignez d'abord une équipe.");
        }
        if (s.submitted().containsKey(team.id())) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new TeamSubmitted(team.id(), me.id(), at, team.members()));
    }

    private Decision<QuizEvent> extend(QuizState s, Extend e, long at) {
        if (e.seconds() == null || e.seconds() < EXTEND_MIN || e.seconds() > EXTEND_MAX) {
            return Decision.reject("invalid", "Ajoutez entre " + EXTEND_MIN + " secondes et une heure.");
        }
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", "Aucun compte à rebours en cours.");
        }
        Long deadline;
        if (s.live()) {
            Played p = s.current();
            if (p == null || p.status() != Status.OPEN || p.deadline() == null) {
                return Decision.reject("wrong_phase", "Aucun compte à rebours en cours.");
            }
            deadline = p.deadline();
        } else {
            deadline = s.deadline();
        }
        return Decision.accept(new DeadlineExtended(Math.max(deadline, at) + e.seconds() * 1000L, at));
    }

    private Decision<QuizEvent> finish(QuizState s, long at) {
        if (s.stage() != Stage.PLAYING) {
            return Decision.reject("wrong_phase", s.stage() == Stage.SETUP ? "Le quiz n'a pas commencé." : "Le quiz est déjà terminé.");
        }
        List<QuizEvent> events = new ArrayList<>();
        Played p = s.current();
        if (s.live() && p != null && p.status() != Status.REVEALED) {
            if (p.status() == Status.OPEN) {
                events.add(new QuestionLocked(p.questionId(), at));
            }
            events.add(new QuestionRevealed(p.questionId(), at));
        }
        events.add(new Finished(at));
        return Decision.accept(events);
    }

    /** The server's timers: stale or early ones change nothing. */
    private Decision<QuizEvent> timer(QuizState s, QuizCommand c, long at) {
        if (s.stage() != Stage.PLAYING) {
            return Decision.accept(List.of());
        }
        if (c instanceof Lock lock && s.live()) {
            Played p = s.current();
            if (p == null || !p.questionId().equals(lock.questionId()) || p.status() != Status.OPEN
                    || p.deadline() == null || at < p.deadline() - TIMER_SLACK_MS) {
                return Decision.accept(List.of());
            }
            return Decision.accept(new QuestionLocked(p.questionId(), at));
        }
        if (c instanceof Finish && !s.live()) {
            if (s.deadline() == null || at < s.deadline() - TIMER_SLACK_MS) {
                return Decision.accept(List.of());
            }
            return finish(s, at);
        }
        return Decision.reject("forbidden", "Commande réservée à l'animation.");
    }

    // ---- evolve ----------------------------------------------------------------------------------

    @Override
    public QuizState evolve(QuizState s, QuizEvent e) {
        if (e instanceof Answered a) {
            return s.answered(a.questionId(), a.teamId(), a.participantId(), a.value(), a.at());
        }
        if (e instanceof BankChosen b) {
            return s.with(b.bank(), s.settings(), s.teams());
        }
        if (e instanceof Configured c) {
            return s.with(s.bank(), c.settings(), s.teams().withSizeLimit(c.settings().teamSize()));
        }
        if (e instanceof TeamCreated t) {
            return s.withTeams(s.teams().create(t.teamId(), t.name()));
        }
        if (e instanceof TeamRenamed t) {
            return s.withTeams(s.teams().rename(t.teamId(), t.name()));
        }
        if (e instanceof TeamRemoved t) {
            return s.withTeams(s.teams().remove(t.teamId()));
        }
        if (e instanceof MemberJoined j) {
            return s.withTeams(s.teams().join(j.participantId(), j.teamId()));
        }
        if (e instanceof MemberLeft l) {
            return s.withTeams(s.teams().leave(l.participantId()));
        }
        if (e instanceof TeamsBalanced b) {
            Teams t = s.teams();
            for (QuizState.NewTeam n : b.created()) {
                t = t.create(n.id(), n.name());
            }
            return s.withTeams(t.assign(b.assignment()));
        }
        if (e instanceof Started st) {
            return s.started(st.at(), st.deadline());
        }
        if (e instanceof QuestionShown qs) {
            List<Played> played = new ArrayList<>(s.played());
            played.add(new Played(qs.questionId(), qs.index(), Status.OPEN, qs.at(), qs.deadline(), null));
            return s.withPlayed(played, false);
        }
        if (e instanceof QuestionLocked l) {
            return s.replaceCurrent(s.current().with(Status.LOCKED, l.at()));
        }
        if (e instanceof QuestionRevealed) {
            return s.replaceCurrent(s.current().with(Status.REVEALED, s.current().lockedAt()));
        }
        if (e instanceof ScoreboardShown) {
            return s.withPlayed(s.played(), true);
        }
        if (e instanceof TeamSubmitted t) {
            return s.submittedBy(t.teamId(), t.at());
        }
        if (e instanceof DeadlineExtended d) {
            return s.live() ? s.replaceCurrent(s.current().withDeadline(d.deadline())) : s.withDeadline(d.deadline());
        }
        if (e instanceof Finished f) {
            return s.finished(f.at());
        }
        if (e instanceof DebriefShown d) {
            return s.withDebrief(d.index());
        }
        throw new IllegalStateException("unknown event " + e);
    }

    // ---- views, timers, results -----------------------------------------------------------------

    @Override
    public Impact impact(QuizEvent e) {
        if (e instanceof Answered a) {
            return Impact.only(new HashSet<>(a.team()));
        }
        if (e instanceof TeamSubmitted t) {
            return Impact.only(new HashSet<>(t.team()));
        }
        return Impact.ALL;
    }

    @Override
    public Object view(QuizState s, Roster roster, Audience audience) {
        return QuizViews.view(s, roster, audience);
    }

    @Override
    public Object results(QuizState s, Roster roster) {
        return QuizViews.results(s, roster);
    }

    @Override
    public Instant nextDeadline(QuizState s) {
        if (s.stage() != Stage.PLAYING) {
            return null;
        }
        if (s.live()) {
            Played p = s.current();
            return p != null && p.status() == Status.OPEN && p.deadline() != null ? Instant.ofEpochMilli(p.deadline()) : null;
        }
        return s.deadline() == null ? null : Instant.ofEpochMilli(s.deadline());
    }

    @Override
    public QuizCommand expire(QuizState s, Instant deadline) {
        if (s.stage() != Stage.PLAYING) {
            return null;
        }
        if (s.live()) {
            Played p = s.current();
            return p == null ? null : new Lock(p.questionId());
        }
        return new Finish();
    }

    static Predicate<String> active(Roster roster) {
        return roster::isActive;
    }
}
