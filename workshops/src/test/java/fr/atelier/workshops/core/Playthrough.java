package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One session played command by command through the session decider, as the secrecy properties of
 * every format do: the log, the state and the clock, who sends a generated step, what each audience
 * sees, and whether the log replays. Each format's property keeps only what is its own: content,
 * steps, and what its views must not hold.
 */
public final class Playthrough<S> {
    private static final String HOST_HASH = "HOSTHASH-9d2f41";
    private static final String STRANGER = "PID-STRANGER-0000";
    /** Generated sender codes; {@code FIRST_PARTICIPANT + k} is the joined participant {@code k % n}. */
    public static final int USUAL = -1, FACILITATOR = 0, SYSTEM = 1, GUEST = 2, SOMEONE_WHO_NEVER_JOINED = 3, FIRST_PARTICIPANT = 4;
    private static final Duration SETUP_STEP = Duration.ofMillis(250);

    /** A command and who sends it. */
    public record Move(Actor who, SessionCommand command) {}

    private final Session<S, ?, ?> session;
    private final int participants;
    private final List<SessionEvent> log = new ArrayList<>();
    private SessionState<S> state;
    private Instant now;

    /** A created session that {@code participants} people have joined, 250 ms apart. */
    public Playthrough(Session<S, ?, ?> session, String code, String title, Instant start, int participants) {
        this.session = session;
        this.participants = participants;
        this.state = session.initialState();
        this.now = start;
        apply(session.create(code, title, HOST_HASH, now));
        for (int i = 0; i < participants; i++) {
            must(Actor.GUEST, new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)));
        }
    }

    public static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (7301 + 17 * i);
    }

    public static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (5501 + 31 * i);
    }

    /** The index {@code i} of {@code participantId(i)}. */
    public static int indexOf(String participantId) {
        return participantId.charAt(4) - 'A';
    }

    /**
     * Sender codes, mostly whoever normally sends the step ({@link #USUAL}); sometimes someone who
     * must be refused. {@code participantCodes}: how many codes name a participant (from
     * {@link #FIRST_PARTICIPANT}), taken modulo the number who joined.
     */
    public static Gen<Integer> senders(int usual, int facilitator, int system, int guest, int neverJoined, int participant,
                                       int participantCodes) {
        return Gen.<Integer>weighted().or(usual, USUAL).or(facilitator, FACILITATOR).or(system, SYSTEM).or(guest, GUEST)
                .or(neverJoined, SOMEONE_WHO_NEVER_JOINED)
                .or(participant, Gen.between(FIRST_PARTICIPANT, FIRST_PARTICIPANT + participantCodes - 1));
    }

    /** The actor a sender code names; {@code usual} is whoever normally sends the step. */
    public Actor sender(int code, Actor usual) {
        return switch (code) {
            case USUAL -> usual;
            case FACILITATOR -> Actor.FACILITATOR;
            case SYSTEM -> Actor.SYSTEM;
            case GUEST -> Actor.GUEST;
            case SOMEONE_WHO_NEVER_JOINED -> Actor.participant(STRANGER);
            default -> Actor.participant(participantId((code - FIRST_PARTICIPANT) % participants));
        };
    }

    public int participants() {
        return participants;
    }

    public SessionState<S> state() {
        return state;
    }

    public S activity() {
        return state.activity();
    }

    public Instant now() {
        return now;
    }

    public Instant tick(Duration d) {
        now = now.plus(d);
        return now;
    }

    public void advanceTo(Instant later) {
        if (later.isAfter(now)) {
            now = later;
        }
    }

    /** A setup command, 250 ms after the previous one: it must be accepted. */
    public void must(Actor who, SessionCommand command) {
        tick(SETUP_STEP);
        Decision<SessionEvent> d = play(who, command);
        assertThat(d.accepted()).as("setup %s: %s", command, d).isTrue();
    }

    /** Decides {@code command} now and applies its events if accepted; refusals change nothing. */
    public Decision<SessionEvent> play(Actor who, SessionCommand command) {
        Decision<SessionEvent> d = session.decide(state, who, command, now);
        if (d instanceof Decision.Accepted<SessionEvent> a) {
            a.events().forEach(this::apply);
        }
        return d;
    }

    /**
     * Checks the setup, then plays each step {@code tick} after the previous one and checks again.
     * {@code move} turns a generated step into a move against the current state, or {@code null} to
     * skip it (the clock still moves).
     */
    public <T> void playAll(List<T> steps, Duration tick, Function<T, Move> move, Consumer<Playthrough<S>> check) {
        check.accept(this);
        for (T step : steps) {
            tick(tick);
            Move m = move.apply(step);
            if (m != null) {
                play(m.who(), m.command());
                check.accept(this);
            }
        }
    }

    private void apply(SessionEvent e) {
        log.add(e);
        state = session.evolve(state, e);
    }

    /** Every audience's view now, each serialised once. */
    public Views views() {
        List<String> ids = new ArrayList<>(participants);
        List<String> phones = new ArrayList<>(participants);
        for (int i = 0; i < participants; i++) {
            ids.add(participantId(i));
            phones.add(Views.json(session.view(state, new Audience.Participant(participantId(i)))));
        }
        return new Views(ids, phones, Views.json(session.view(state, Audience.PROJECTOR)),
                Views.json(session.view(state, Audience.FACILITATOR)), platformSecrets());
    }

    /** What no view may ever hold: the host's and the participants' token hashes, and the fields that carry them. */
    private List<String> platformSecrets() {
        List<String> secrets = new ArrayList<>(List.of(HOST_HASH, "tokenHash", "hostTokenHash"));
        for (int i = 0; i < participants; i++) {
            secrets.add(tokenHash(i));
        }
        return secrets;
    }

    /** The log rebuilds the state, directly and through the JSON of storage; so does a snapshot. */
    public void assertReplays() {
        SessionCodec codec = new SessionCodec(session.format());
        assertThat(session.replay(log)).isEqualTo(state);
        assertThat(session.replay(codec.readEvents(codec.writeEvents(log)))).isEqualTo(state);
        assertThat(codec.readSnapshot(codec.writeSnapshot(state))).isEqualTo(state);
        // And the log is well formed: it starts with the creation, and only once.
        assertThat(log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
        assertThat(log.stream().filter(PlatformEvent.SessionCreated.class::isInstance).count()).isEqualTo(1);
    }
}
