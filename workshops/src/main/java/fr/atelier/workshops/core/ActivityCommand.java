package fr.atelier.workshops.core;

/** Wraps one command of the running format. */
public record ActivityCommand(Object command) implements SessionCommand {}
