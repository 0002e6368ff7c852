package fr.atelier.server.live;

import fr.atelier.workshops.core.Audience;

/** Something that shows one audience's view: a WebSocket connection, usually. */
public interface ViewListener {
    Audience audience();

    /** Called on the session's context with a ready-to-send frame. */
    void send(String frame);
}
