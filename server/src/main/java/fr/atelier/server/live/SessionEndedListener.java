package fr.atelier.server.live;

/**
 * Told once a session hosted on this node has ended. The archive listens (wired at start-up), so
 * the live layer never knows who keeps its results.
 */
@FunctionalInterface
public interface SessionEndedListener {
    void sessionEnded(String sessionId);
}
