package fr.atelier.workshops.core;

/** The life of every session: people join, the format runs, everyone rates it, it ends. */
public enum Phase {
    LOBBY,
    ACTIVITY,
    SATISFACTION,
    ENDED
}
