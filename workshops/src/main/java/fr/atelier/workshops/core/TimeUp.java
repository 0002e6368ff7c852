package fr.atelier.workshops.core;

/**
 * "Time is up", one name in every format: the command the server sends when the deadline
 * {@link Format#nextDeadline} gave passes. Timers are data: a format keeps its deadlines in its
 * state, the server schedules the earliest, and {@code decide} ignores a stale one (a deadline the
 * state no longer holds). Each format declares {@code record TimeUp(long deadline)} in its command
 * type under the name {@code <format>.timeUp}; only the server sends it.
 */
public interface TimeUp {
    /** The deadline that passed (epoch milliseconds), as {@link Format#nextDeadline} gave it. */
    long deadline();
}
