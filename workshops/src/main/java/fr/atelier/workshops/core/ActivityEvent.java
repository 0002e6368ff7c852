package fr.atelier.workshops.core;

/** Wraps one event of the running format. */
public record ActivityEvent(Object event) implements SessionEvent {}
