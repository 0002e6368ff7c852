package fr.atelier.server.live;

import fr.atelier.workshops.core.Audience;

/** Something that shows one audience's view: a WebSocket connection, usually. */
public interface ViewListener {
    /**
     * How the frame for a participant the facilitator removed starts: an {@code error} with code
     * {@code removed} instead of a view. Its listener sends it and closes the socket (4403). A frame,
     * not a call, so that it crosses nodes like any view.
     */
    String REMOVED_PREFIX = "{\"type\":\"error\",\"code\":\"removed\"";

    Audience audience();

    /** Called on the session's context with a ready-to-send frame. */
    void send(String frame);
}
