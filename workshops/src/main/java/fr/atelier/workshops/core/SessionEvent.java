package fr.atelier.workshops.core;

/**
 * A fact in a session's log: either a platform fact (joins, phases, satisfaction) or one of the
 * running format's own events. On the wire and in storage both are JSON objects whose
 * {@code type} tells them apart ({@code session.*} for the platform, {@code <format>.*} otherwise).
 */
public sealed interface SessionEvent permits PlatformEvent, ActivityEvent {}
