package fr.atelier.workshops.core;

/**
 * The names a command would show to the room: a participant's new nickname, a team's name. The
 * server checks them against the {@link NameFilter} before the command reaches the decider (the
 * deciders stay free of the administrator's list, which lives in PostgreSQL).
 */
public final class NamesIn {
    private NamesIn() {}

    /** The code of {@link #problem}'s refusal: {@link FreeText#CODE} for a text, {@link NameFilter#CODE} for a name. */
    public static String code(SessionCommand command) {
        Object c = command instanceof ActivityCommand a ? a.command() : command;
        return c instanceof FreeText ? FreeText.CODE : NameFilter.CODE;
    }

    /** The refusal for {@code command}'s names, or null when they pass (or it names nothing). */
    public static String problem(SessionCommand command, NameFilter filter) {
        Object c = command instanceof ActivityCommand a ? a.command() : command;
        String name = null;
        if (c instanceof FreeText f) {
            return filter.refuses(f.freeText()) ? FreeText.REFUSAL : null;
        }
        if (c instanceof PlatformCommand.RenameParticipant r) {
            name = r.nickname();
        } else if (c instanceof TeamCommand.CreateTeam t) {
            name = t.name();
        } else if (c instanceof TeamCommand.RenameTeam t) {
            name = t.name();
        }
        return name == null ? null : filter.problemWith(name);
    }
}
