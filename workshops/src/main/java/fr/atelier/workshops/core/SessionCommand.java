package fr.atelier.workshops.core;

/** A request to change a session: a platform command or one of the running format's commands. */
public sealed interface SessionCommand permits PlatformCommand, ActivityCommand {}
