package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.SessionRecordArchive;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.workshops.core.Bilan;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Publics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A planned session's publics and partner structures (issue 18): sent as lists of codes and
 * structure ids, kept comma-separated in the columns that held free text before; a plan written
 * before keeps its text, shown as it was (decision 183).
 */
final class PlanRecordFields {
    private PlanRecordFields() {}

    static String publics(JsonNode body) {
        JsonNode list = body.get("publics");
        if (list == null || list.isNull()) {
            return "";
        }
        if (list.isTextual()) {
            return Requests.text(body, "publics", 400, false).strip();
        }
        List<String> codes = strings(list, "publics", Publics.ALL.size());
        String problem = Publics.problemWith(codes);
        if (problem != null) {
            throw new ApiError(400, "unknown_public", problem);
        }
        return SessionRecordArchive.join(Publics.normalise(codes));
    }

    static String partners(JsonNode body) {
        JsonNode list = body.get("structureIds");
        if (list == null || list.isNull()) {
            String legacy = Requests.text(body, "partners", 1000, false);
            return legacy == null ? "" : legacy.strip();
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(strings(list, "structureIds", 40)));
        if (!ids.isEmpty() && SessionRecordArchive.structureIds(SessionRecordArchive.join(ids)).isEmpty()) {
            throw new ApiError(400, "unknown_structure", "Une des structures choisies n’est pas dans la liste du territoire de la séance.");
        }
        return SessionRecordArchive.join(ids);
    }

    private static List<String> strings(JsonNode list, String field, int max) {
        if (!list.isArray() || list.size() > max) {
            throw ApiError.badRequest("Le champ « " + field + " » attend une liste d’au plus " + max + " éléments.");
        }
        List<String> out = new ArrayList<>();
        list.forEach(n -> {
            if (!n.isTextual() || n.asText().length() > 40) {
                throw ApiError.badRequest("Le champ « " + field + " » attend une liste de codes.");
            }
            out.add(n.asText());
        });
        return out;
    }

    /** Codes and ids beside the stored text; {@code legacyPublics}/{@code legacyPartners} hold text written before. */
    static void out(ObjectNode o, Plan p) {
        List<String> codes = SessionRecordArchive.publicCodes(p.publics());
        List<String> ids = SessionRecordArchive.structureIds(p.partners());
        o.set("publicCodes", Json.MAPPER.valueToTree(codes));
        o.set("structureIds", Json.MAPPER.valueToTree(ids));
        o.put("legacyPublics", codes.isEmpty() && !p.publics().isBlank() ? p.publics() : null);
        o.put("legacyPartners", ids.isEmpty() && !p.partners().isBlank() ? p.partners() : null);
        o.put("asksStructure", Publics.forProfessionals(codes));
        o.put("maxTeamSize", Bilan.MAX_TEAM_SIZE);
    }
}
