package fr.atelier.workshops.core;

/** Who issues a command. Rights are checked in {@code decide}, never in the server. */
public sealed interface Actor {
    /** Holder of the secret host link. */
    record Facilitator() implements Actor {}

    /** A joined participant, known by the id the server gave them at join time. */
    record Participant(String id) implements Actor {}

    /** Someone who has not joined yet (the join request itself). */
    record Guest() implements Actor {}

    /** The server itself: timers and scheduled deadlines. */
    record System() implements Actor {}

    Facilitator FACILITATOR = new Facilitator();
    Guest GUEST = new Guest();
    System SYSTEM = new System();

    static Participant participant(String id) {
        return new Participant(id);
    }
}
