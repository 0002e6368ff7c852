package fr.atelier.workshops.core;

/** The part of a session's state that every format shares. */
public record PlatformState(
        String code,
        String format,
        String title,
        String hostTokenHash,
        Phase phase,
        boolean joiningOpen,
        Roster roster,
        Satisfaction satisfaction,
        long createdAt,
        Long startedAt,
        Long endedAt,
        Bilan bilan) {

    public PlatformState {
        // Snapshots written before issue 18 have no bilan.
        bilan = bilan == null ? Bilan.EMPTY : bilan;
    }

    public static PlatformState blank() {
        return new PlatformState(null, null, null, null, Phase.LOBBY, true, Roster.EMPTY, Satisfaction.EMPTY, 0, null, null, Bilan.EMPTY);
    }

    PlatformState withPhase(Phase p) {
        return new PlatformState(code, format, title, hostTokenHash, p, joiningOpen, roster, satisfaction, createdAt, startedAt, endedAt, bilan);
    }

    PlatformState withRoster(Roster r) {
        return new PlatformState(code, format, title, hostTokenHash, phase, joiningOpen, r, satisfaction, createdAt, startedAt, endedAt, bilan);
    }

    PlatformState withJoiningOpen(boolean open) {
        return new PlatformState(code, format, title, hostTokenHash, phase, open, roster, satisfaction, createdAt, startedAt, endedAt, bilan);
    }

    PlatformState withSatisfaction(Satisfaction s) {
        return new PlatformState(code, format, title, hostTokenHash, phase, joiningOpen, roster, s, createdAt, startedAt, endedAt, bilan);
    }

    PlatformState started(long at) {
        return new PlatformState(code, format, title, hostTokenHash, Phase.ACTIVITY, joiningOpen, roster, satisfaction, createdAt, at, endedAt, bilan);
    }

    PlatformState ended(long at) {
        return new PlatformState(code, format, title, hostTokenHash, Phase.ENDED, false, roster, satisfaction, createdAt, startedAt, at, bilan);
    }

    PlatformState withBilan(Bilan b) {
        return new PlatformState(code, format, title, hostTokenHash, phase, joiningOpen, roster, satisfaction, createdAt, startedAt, endedAt, b);
    }
}
