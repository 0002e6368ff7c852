package fr.atelier.workshops.core;

import fr.atelier.workshops.core.PlatformCommand.End;
import fr.atelier.workshops.core.PlatformCommand.Join;
import fr.atelier.workshops.core.PlatformCommand.Leave;
import fr.atelier.workshops.core.PlatformCommand.OpenSatisfaction;
import fr.atelier.workshops.core.PlatformCommand.Rate;
import fr.atelier.workshops.core.PlatformCommand.RemoveParticipant;
import fr.atelier.workshops.core.PlatformCommand.RenameParticipant;
import fr.atelier.workshops.core.PlatformCommand.SetJoining;
import fr.atelier.workshops.core.PlatformCommand.StartActivity;
import fr.atelier.workshops.core.PlatformEvent.ActivityStarted;
import fr.atelier.workshops.core.PlatformEvent.JoiningChanged;
import fr.atelier.workshops.core.PlatformEvent.ParticipantJoined;
import fr.atelier.workshops.core.PlatformEvent.ParticipantLeft;
import fr.atelier.workshops.core.PlatformEvent.ParticipantRemoved;
import fr.atelier.workshops.core.PlatformEvent.ParticipantRenamed;
import fr.atelier.workshops.core.PlatformEvent.SatisfactionOpened;
import fr.atelier.workshops.core.PlatformEvent.SatisfactionRated;
import fr.atelier.workshops.core.PlatformEvent.SessionCreated;
import fr.atelier.workshops.core.PlatformEvent.SessionEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session decider: platform rules (join, phases, satisfaction) around one format's decider.
 * Pure: no clock, no randomness, no I/O.
 */
public final class Session<S, C, E> {
    public static final int NICKNAME_MAX = 24;
    /** How many names the projector lists; the count is always exact. */
    public static final int PROJECTOR_NAMES = 120;
    /** How many names the console lists (the most recent): a 2,500-visitor forum is not managed by name. */
    public static final int CONSOLE_NAMES = 500;

    /** The audience name of the view a removed participant's phone gets. */
    public static final String REMOVED = "removed";
    /** What every view (a quiz scoreboard, a team's members…) shows instead of a removed participant's nickname. */
    public static final String REMOVED_NICKNAME = "Participant retiré";
    public static final String REMOVED_MESSAGE = "L’animateur ou l’animatrice a mis fin à votre participation à cette session.";

    private final Format<S, C, E> format;

    public Session(Format<S, C, E> format) {
        this.format = format;
    }

    public Format<S, C, E> format() {
        return format;
    }

    public SessionState<S> initialState() {
        return new SessionState<>(PlatformState.blank(), format.initialState());
    }

    /** The first event of every session's log. */
    public SessionCreated create(String code, String title, String hostTokenHash, Instant now) {
        String cleanTitle = Text.clean(title);
        return new SessionCreated(code, format.id(), cleanTitle.isEmpty() ? format.title() : cleanTitle, hostTokenHash, now.toEpochMilli());
    }

    public Decision<SessionEvent> decide(SessionState<S> s, Actor who, SessionCommand command, Instant now) {
        if (s.platform().code() == null) {
            throw new IllegalStateException("session not created");
        }
        if (command instanceof ActivityCommand a) {
            return decideActivity(s, who, a, now);
        }
        PlatformState p = s.platform();
        long at = now.toEpochMilli();
        if (command instanceof Join j) {
            return join(p, who, j, at);
        }
        if (p.phase() == Phase.ENDED) {
            return Decision.reject("session_ended", "Cette session est terminée.");
        }
        if (command instanceof PlatformCommand pc) {
            Decision<SessionEvent> bilan = Bilan.decide(p, who, pc, at);
            if (bilan != null) {
                return bilan;
            }
        }
        if (command instanceof Leave) {
            if (!(who instanceof Actor.Participant me) || !p.roster().isActive(me.id())) {
                return Decision.reject("forbidden", "Seul un participant peut quitter la session.");
            }
            return Decision.accept(new ParticipantLeft(me.id(), at));
        }
        if (command instanceof Rate r) {
            return rate(p, who, r, at);
        }
        if (!(who instanceof Actor.Facilitator)) {
            return Decision.reject("forbidden", "Seul l'animateur ou l'animatrice peut faire cela.");
        }
        if (command instanceof SetJoining sj) {
            return sj.open() == p.joiningOpen() ? Decision.accept(List.of()) : Decision.accept(new JoiningChanged(sj.open(), at));
        }
        if (command instanceof StartActivity) {
            if (p.phase() != Phase.LOBBY) {
                return Decision.reject("wrong_phase", "L'activité a déjà commencé.");
            }
            return Decision.accept(new ActivityStarted(at));
        }
        if (command instanceof OpenSatisfaction) {
            if (p.phase() == Phase.SATISFACTION) {
                return Decision.reject("wrong_phase", "Le questionnaire de satisfaction est déjà ouvert.");
            }
            return Decision.accept(new SatisfactionOpened(at));
        }
        if (command instanceof End) {
            return Decision.accept(new SessionEnded(at));
        }
        if (command instanceof RenameParticipant rn) {
            return rename(p, rn, at);
        }
        if (command instanceof RemoveParticipant rm) {
            if (rm.participantId() == null || !p.roster().isActive(rm.participantId())) {
                return Decision.reject("not_found", NOT_HERE);
            }
            return Decision.accept(new ParticipantRemoved(rm.participantId(), at));
        }
        throw new IllegalStateException("unknown command " + command);
    }

    private Decision<SessionEvent> join(PlatformState p, Actor who, Join j, long at) {
        if (!(who instanceof Actor.Guest)) {
            return Decision.reject("forbidden", "Rejoindre se fait depuis la page d'accueil.");
        }
        if (p.phase() == Phase.ENDED) {
            return Decision.reject("session_ended", "Cette session est terminée.");
        }
        if (!p.joiningOpen()) {
            return Decision.reject("joining_closed", "L'animateur a fermé les inscriptions à cette session.");
        }
        String nickname = Text.clean(j.nickname());
        Decision<SessionEvent> problem = nicknameProblem(p.roster(), nickname);
        if (problem != null) {
            return problem;
        }
        if (j.participantId() == null || j.tokenHash() == null || p.roster().member(j.participantId()).isPresent()) {
            throw new IllegalStateException("server must draw a fresh participant id and token");
        }
        return Decision.accept(new ParticipantJoined(j.participantId(), nickname, j.tokenHash(), at));
    }

    /** A nickname's shape, that it is free, and not the nickname of someone removed (the word filter runs at the edge). */
    private static Decision<SessionEvent> nicknameProblem(Roster roster, String nickname) {
        if (nickname.isEmpty() || nickname.codePointCount(0, nickname.length()) > NICKNAME_MAX || nickname.contains("\n")) {
            return Decision.reject("nickname_invalid", "Choisissez un pseudo de 1 à " + NICKNAME_MAX + " caractères, sur une ligne.");
        }
        if (roster.nicknameRefused(nickname)) {
            return Decision.reject(NameFilter.CODE, NameFilter.REFUSAL);
        }
        if (roster.nicknameTaken(nickname)) {
            return Decision.reject("nickname_taken", "Ce pseudo est déjà pris dans cette session : choisissez-en un autre.");
        }
        return null;
    }

    private static final String NOT_HERE = "Ce participant n'est plus dans la session.";

    private Decision<SessionEvent> rename(PlatformState p, RenameParticipant rn, long at) {
        if (rn.participantId() == null || !p.roster().isActive(rn.participantId())) {
            return Decision.reject("not_found", NOT_HERE);
        }
        String nickname = Text.clean(rn.nickname());
        Roster.Member m = p.roster().members().get(rn.participantId());
        if (nickname.equals(m.nickname())) {
            return Decision.accept(List.of());
        }
        if (!Text.foldForComparison(nickname).equals(Text.foldForComparison(m.nickname()))) {
            Decision<SessionEvent> problem = nicknameProblem(p.roster(), nickname);
            if (problem != null) {
                return problem;
            }
        } else if (nickname.isEmpty() || nickname.codePointCount(0, nickname.length()) > NICKNAME_MAX || nickname.contains("\n")) {
            return nicknameProblem(p.roster(), nickname);
        }
        return Decision.accept(new ParticipantRenamed(m.id(), nickname, at));
    }

    private Decision<SessionEvent> rate(PlatformState p, Actor who, Rate r, long at) {
        if (!(who instanceof Actor.Participant me) || !p.roster().isActive(me.id())) {
            return Decision.reject("forbidden", "Seuls les participants répondent au questionnaire.");
        }
        if (p.phase() != Phase.SATISFACTION) {
            return Decision.reject("wrong_phase", "Le questionnaire de satisfaction n'est pas ouvert.");
        }
        String comment = r.comment() == null ? null : Text.clean(r.comment());
        String problem = Satisfaction.problemWith(r.score(), comment);
        if (problem != null) {
            return Decision.reject("invalid", problem);
        }
        return Decision.accept(new SatisfactionRated(me.id(), r.score(), comment, at));
    }

    @SuppressWarnings("unchecked")
    private Decision<SessionEvent> decideActivity(SessionState<S> s, Actor who, ActivityCommand a, Instant now) {
        PlatformState p = s.platform();
        if (p.phase() == Phase.ENDED) {
            return Decision.reject("session_ended", "Cette session est terminée.");
        }
        if (p.phase() == Phase.SATISFACTION) {
            return Decision.reject("wrong_phase", "L'activité est terminée : place au questionnaire de satisfaction.");
        }
        if (who instanceof Actor.Participant me && !p.roster().isActive(me.id())) {
            return Decision.reject("forbidden", "Vous ne faites plus partie de cette session.");
        }
        if (who instanceof Actor.Guest) {
            return Decision.reject("forbidden", "Rejoignez la session avant de participer.");
        }
        if (!format.commandType().isInstance(a.command())) {
            throw new IllegalArgumentException("not a " + format.id() + " command: " + a.command());
        }
        Decision<E> d = format.decide(s.activity(), p.roster(), who, (C) a.command(), now);
        if (d instanceof Decision.Rejected<E> r) {
            return Decision.reject(r.code(), r.message());
        }
        List<SessionEvent> wrapped = new ArrayList<>();
        for (E e : ((Decision.Accepted<E>) d).events()) {
            wrapped.add(new ActivityEvent(e));
        }
        return Decision.accept(wrapped);
    }

    @SuppressWarnings("unchecked")
    public SessionState<S> evolve(SessionState<S> s, SessionEvent event) {
        if (event instanceof ActivityEvent a) {
            return new SessionState<>(s.platform(), format.evolve(s.activity(), (E) a.event()));
        }
        return new SessionState<>(evolvePlatform(s.platform(), (PlatformEvent) event), s.activity());
    }

    private static PlatformState evolvePlatform(PlatformState p, PlatformEvent e) {
        if (e instanceof SessionCreated c) {
            return new PlatformState(c.code(), c.format(), c.title(), c.hostTokenHash(), Phase.LOBBY, true,
                    Roster.EMPTY, Satisfaction.EMPTY, c.at(), null, null, Bilan.EMPTY);
        }
        if (e instanceof ParticipantJoined j) {
            return p.withRoster(p.roster().with(new Roster.Member(j.participantId(), j.nickname(), j.tokenHash(), j.at(), true)));
        }
        if (e instanceof ParticipantLeft l) {
            Roster.Member m = p.roster().members().get(l.participantId());
            return p.withRoster(p.roster().with(new Roster.Member(m.id(), m.nickname(), m.tokenHash(), m.joinedAtMillis(), false)));
        }
        if (e instanceof ParticipantRenamed rn) {
            Roster.Member m = p.roster().members().get(rn.participantId());
            return p.withRoster(p.roster().with(new Roster.Member(m.id(), rn.nickname(), m.tokenHash(), m.joinedAtMillis(), m.active(), m.removedAs())));
        }
        if (e instanceof ParticipantRemoved rm) {
            Roster.Member m = p.roster().members().get(rm.participantId());
            return p.withRoster(p.roster().with(new Roster.Member(m.id(), REMOVED_NICKNAME, m.tokenHash(), m.joinedAtMillis(), false, m.nickname())));
        }
        if (e instanceof JoiningChanged jc) {
            return p.withJoiningOpen(jc.open());
        }
        if (e instanceof ActivityStarted a) {
            return p.started(a.at());
        }
        if (e instanceof SatisfactionOpened) {
            return p.withPhase(Phase.SATISFACTION);
        }
        if (e instanceof SatisfactionRated r) {
            return p.withSatisfaction(p.satisfaction().rate(r.participantId(), r.score(), r.comment()));
        }
        if (e instanceof SessionEnded end) {
            return p.ended(end.at()).withBilan(p.bilan().evolve(end));
        }
        Bilan bilan = p.bilan().evolve(e);
        if (bilan != null) {
            return p.withBilan(bilan);
        }
        throw new IllegalStateException("unknown event " + e);
    }

    public SessionState<S> replay(List<SessionEvent> events) {
        SessionState<S> s = initialState();
        for (SessionEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }

    /** Phones whose view {@code event} changes. */
    @SuppressWarnings("unchecked")
    public Impact impact(SessionEvent event) {
        if (event instanceof ActivityEvent a) {
            return format.impact((E) a.event());
        }
        if (event instanceof ParticipantJoined j) {
            return Impact.only(j.participantId());
        }
        if (event instanceof ParticipantLeft l) {
            return Impact.only(l.participantId());
        }
        if (event instanceof SatisfactionRated r) {
            return Impact.only(r.participantId());
        }
        if (event instanceof PlatformEvent.Declared d) {
            return Impact.only(d.participantId());
        }
        if (event instanceof PlatformEvent.ImpactAnswered a) {
            return Impact.only(a.participantId());
        }
        // A renamed or removed participant may be named on team-mates' phones: every phone (rare events).
        return Impact.ALL;
    }

    /** The active members who take part (staff such as a hackathon's jurors left out). */
    public long participantCount(SessionState<S> s) {
        Roster roster = s.platform().roster();
        long staff = format.staff(s.activity()).stream()
                .filter(id -> roster.members().get(id) != null && roster.members().get(id).active()).count();
        return roster.activeCount() - staff;
    }

    /** The members of the roster who are staff rather than participants ({@link Format#staff}). */
    public java.util.Set<String> staff(SessionState<S> s) {
        return format.staff(s.activity());
    }

    public SessionView view(SessionState<S> s, Audience audience) {
        PlatformState p = s.platform();
        Roster roster = p.roster();
        SessionView.Header header = new SessionView.Header(p.code(), p.format(), format.title(), p.title(), p.phase(),
                p.joiningOpen(), participantCount(s));
        Object activity = format.view(s.activity(), roster, audience);
        boolean satisfactionVisible = p.phase() == Phase.SATISFACTION || p.phase() == Phase.ENDED;
        if (audience instanceof Audience.Participant me) {
            Roster.Member m = roster.members().get(me.id());
            if (m != null && m.removed()) {
                // Nothing of the session any more: the server closes the socket with the reason (protocol.md).
                return new SessionView(REMOVED, header, null, null, null, null, null);
            }
            SessionView.Me mine = m == null ? null : new SessionView.Me(m.id(), m.nickname());
            SessionView.SatisfactionView sat = new SessionView.SatisfactionView(p.phase() == Phase.SATISFACTION,
                    p.satisfaction().ratingOf(me.id()), null);
            return new SessionView("participant", header, mine, null, sat, activity,
                    m == null ? null : p.bilan().phoneView(m.id(), p.phase()));
        }
        boolean console = audience instanceof Audience.Facilitator;
        List<SessionView.Person> people = new ArrayList<>();
        for (Roster.Member m : roster.all()) {
            if (console || m.active()) {
                people.add(new SessionView.Person(m.id(), m.nickname(), m.active()));
            }
        }
        int limit = console ? CONSOLE_NAMES : PROJECTOR_NAMES;
        if (people.size() > limit) {
            people = List.copyOf(people.subList(people.size() - limit, people.size()));
        }
        SessionView.SatisfactionView sat = new SessionView.SatisfactionView(p.phase() == Phase.SATISFACTION, null,
                satisfactionVisible || console ? p.satisfaction().summary(console) : null);
        List<Bilan.QuestionSummary> impact = console && !p.bilan().questions().isEmpty() ? p.bilan().summaries() : null;
        return new SessionView(console ? "facilitator" : "projector", header, null, people, sat, activity, impact);
    }
}
