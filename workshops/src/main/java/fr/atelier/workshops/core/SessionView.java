package fr.atelier.workshops.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What one audience sees of a session. Null parts are left out of the JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String audience,
        Header session,
        Me me,
        List<Person> participants,
        SatisfactionView satisfaction,
        Object activity,
        // Issue 18: a phone's structure picker and impact questions; the console's before/after summaries.
        Object bilan) {

    public record Header(String code, String format, String formatTitle, String title, Phase phase,
                         boolean joiningOpen, long participantCount) {}

    /** The phone's own identity. */
    public record Me(String id, String nickname) {}

    /** A participant as the projector and console list them: nickname only. */
    public record Person(String id, String nickname, boolean active) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SatisfactionView(boolean open, Satisfaction.Rating mine, Satisfaction.Summary summary) {}
}
