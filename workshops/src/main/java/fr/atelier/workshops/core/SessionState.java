package fr.atelier.workshops.core;

/** A whole session: the shared platform part and the running format's own state. */
public record SessionState<S>(PlatformState platform, S activity) {}
