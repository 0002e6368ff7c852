package fr.atelier.server.workspace.library;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One item of the content library (issue 16) as stored: {@code territoryId} null is the regional
 * shelf; {@code content} is the format's content type as JSON (null in lists, which leave it out);
 * {@code editedByName} is the display name of {@code editedBy}, for "last edited by".
 */
public record LibraryItem(String id, String kind, String territoryId, String territoryName, String title, String description,
                          JsonNode content, int size, int version, String sourceId, String createdBy, Instant createdAt,
                          String editedBy, String editedByName, Instant editedAt) {

    public boolean regional() {
        return territoryId == null;
    }

    public LibraryItem withContent(String newTitle, String newDescription, JsonNode newContent, int newSize, int newVersion,
                                   String by, Instant at) {
        return new LibraryItem(id, kind, territoryId, territoryName, newTitle, newDescription, newContent, newSize, newVersion,
                sourceId, createdBy, createdAt, by, null, at);
    }
}
