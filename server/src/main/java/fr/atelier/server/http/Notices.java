package fr.atelier.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * What the privacy notice and the accessibility statement (/confidentialite, /accessibilite and their
 * English versions) say that depends on the installation: who is responsible ({@code ATELIER_ORG_NAME}),
 * whom to write to ({@code ATELIER_ORG_CONTACT}), how long per-participant data is kept
 * ({@code ATELIER_RETENTION_MONTHS}, 12 by default, the purge's own setting) and live data
 * ({@code ATELIER_LIVE_RETENTION_HOURS}). Served at GET /api/notices, public: it holds no secret.
 *
 * @param organisation the body responsible for the data, or null (the page then says "the body that runs this site")
 * @param contact      an e-mail address, a postal address or a web page, or null
 */
public record Notices(String organisation, String contact, int retentionMonths, int liveRetentionHours) {
    public static final int DEFAULT_RETENTION_MONTHS = 12;

    public static Notices from(Map<String, String> env, int liveRetentionHours) {
        return new Notices(blankToNull(env.get("ATELIER_ORG_NAME")), blankToNull(env.get("ATELIER_ORG_CONTACT")),
                months(env.get("ATELIER_RETENTION_MONTHS")), liveRetentionHours);
    }

    private static int months(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_RETENTION_MONTHS;
        }
        int months = Integer.parseInt(text.trim());
        if (months < 1) {
            throw new NumberFormatException("ATELIER_RETENTION_MONTHS must be at least 1, not " + months);
        }
        return months;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("organisation", organisation);
        o.put("contact", contact);
        o.put("retentionMonths", retentionMonths);
        o.put("liveRetentionHours", liveRetentionHours);
        return o;
    }

    public void mount(Router router) {
        router.get("/api/notices").handler(rc -> Requests.json(rc, 200, json()));
    }
}
