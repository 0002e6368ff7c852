package fr.atelier.workshops.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed list of publics a session is prepared for, as the Région counts them in its annual
 * report. Codes are stored (planned session, archived {@code session_public}); labels are shown.
 */
public final class Publics {
    private Publics() {}

    /** One public: a stable code and its French and English labels. */
    public record Public(String code, String fr, String en) {}

    public static final List<Public> ALL = List.of(
            new Public("collegiens", "Collégien·nes", "Lower secondary pupils"),
            new Public("lyceens", "Lycéen·nes", "Upper secondary pupils"),
            new Public("etudiants", "Étudiant·es", "Students"),
            new Public("apprentis", "Apprenti·es", "Apprentices"),
            new Public("demandeurs_emploi", "Demandeur·euses d’emploi", "Jobseekers"),
            new Public("salaries", "Salarié·es", "Employees"),
            new Public("professionnels", "Professionnel·les de l’orientation", "Guidance professionals"),
            new Public("parents", "Parents", "Parents"),
            new Public("tout_public", "Tout public", "General public"));

    /** The longest code, for storage checks. */
    public static final int CODE_MAX = 30;

    public static boolean isCode(String code) {
        return ALL.stream().anyMatch(p -> p.code().equals(code));
    }

    public static Public byCode(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    /**
     * Validates a chosen list: every code known, no more than the list. Returns null when valid,
     * else a French message naming the first unknown code.
     */
    public static String problemWith(List<String> codes) {
        if (codes == null) {
            return null;
        }
        for (String code : codes) {
            if (code == null || !isCode(code)) {
                return "Public inconnu : « " + clip(String.valueOf(code)) + " ».";
            }
        }
        return null;
    }

    /** The chosen codes without duplicates, in the fixed list's order. */
    public static List<String> normalise(List<String> codes) {
        Set<String> chosen = new LinkedHashSet<>(codes == null ? List.of() : codes);
        List<String> out = new ArrayList<>();
        for (Public p : ALL) {
            if (chosen.contains(p.code())) {
                out.add(p.code());
            }
        }
        return out;
    }

    /** Whether a session for these publics is a professionals' session (participants may name a structure). */
    public static boolean forProfessionals(List<String> codes) {
        return codes != null && codes.contains("professionnels");
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
