package fr.atelier.server.live;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;

/** Text forms of actors and audiences for node-to-node messages and dedupe keys. */
final class Wire {
    private Wire() {}

    static String actor(Actor who) {
        if (who instanceof Actor.Participant p) {
            return "p:" + p.id();
        }
        if (who instanceof Actor.Facilitator) {
            return "f";
        }
        if (who instanceof Actor.System) {
            return "s";
        }
        return "g";
    }

    static Actor actor(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.startsWith("p:")) {
            return Actor.participant(text.substring(2));
        }
        return switch (text) {
            case "f" -> Actor.FACILITATOR;
            case "s" -> Actor.SYSTEM;
            default -> Actor.GUEST;
        };
    }

    static String audience(Audience a) {
        if (a instanceof Audience.Participant p) {
            return "p:" + p.id();
        }
        return a instanceof Audience.Facilitator ? "facilitator" : "projector";
    }

    static Audience audience(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("p:")) {
            return new Audience.Participant(text.substring(2));
        }
        return text.equals("facilitator") ? Audience.FACILITATOR : Audience.PROJECTOR;
    }

    /** The {@code seq} of a view frame as the actor writes it ({@code {"type":"view","seq":N,...}}), or -1. */
    static long frameSeq(String frame) {
        String prefix = "{\"type\":\"view\",\"seq\":";
        if (!frame.startsWith(prefix)) {
            return -1;
        }
        long n = 0;
        for (int i = prefix.length(); i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
            n = n * 10 + (frame.charAt(i) - '0');
        }
        return n;
    }
}
