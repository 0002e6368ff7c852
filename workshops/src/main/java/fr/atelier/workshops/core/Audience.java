package fr.atelier.workshops.core;

/** Who a view is computed for. Secrecy is decided per audience in each format's views. */
public sealed interface Audience {
    /** The big screen: aggregates only, never an individual's private data. */
    record Projector() implements Audience {}

    /** The facilitator console: everything, including notes and live distributions. */
    record Facilitator() implements Audience {}

    /** One participant's phone: their own data plus what has been revealed to the room. */
    record Participant(String id) implements Audience {}

    Projector PROJECTOR = new Projector();
    Facilitator FACILITATOR = new Facilitator();
}
