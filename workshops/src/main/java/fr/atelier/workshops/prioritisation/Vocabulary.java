package fr.atelier.workshops.prioritisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies of "Dessine-moi le travail": who speaks (profiles), what they say (kinds),
 * about what (categories, the recurring problems the source document lists), and where an action
 * stands. Values are stable lower-case ids (wire, storage, reports); labels are French, for the
 * CSV export and the print view (the web front end has its own catalogue).
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** A participant who did not choose a profile, or preferred not to say. */
    public static final String UNSPECIFIED = "unspecified";

    public static final Map<String, String> PROFILES = ordered(
            "young", "Jeune",
            "jobseeker", "Demandeur ou demandeuse d'emploi",
            "employee", "Salarié·e",
            "employer", "Employeur",
            "partner", "Professionnel·le partenaire",
            "other", "Autre profil",
            UNSPECIFIED, "Profil non précisé");

    public static final Map<String, String> KINDS = ordered(
            "representation", "Représentation",
            "experience", "Vécu",
            "difficulty", "Difficulté",
            "proposal", "Proposition");

    /** The recurring problems the synthesis looks for (source: action 5, step 3). */
    public static final Map<String, String> CATEGORIES = ordered(
            "conditions", "Conditions de travail",
            "recruitment", "Freins au recrutement",
            "communication", "Communication",
            "valorisation", "Valorisation du métier",
            "other", "Autre");

    public static final Map<String, String> STATUSES = ordered(
            "planned", "À lancer",
            "in_progress", "En cours",
            "done", "Réalisée",
            "dropped", "Abandonnée");

    /**
     * The sides the results are split by: the target public of the job (step 4 of the source brings
     * "the public" and employers together), employers, and everyone else.
     */
    public static final Map<String, String> SIDES = ordered(
            "public", "Public (jeunes, demandeurs d'emploi)",
            "employers", "Employeurs",
            "others", "Autres profils");

    /** The impact × feasibility matrix (see {@link Tally#quadrant}). */
    public static final Map<String, String> QUADRANTS = ordered(
            "priority", "À lancer en priorité (fort impact, faisable)",
            "project", "Projet de fond (fort impact, difficile)",
            "easy", "Geste simple (impact modeste, faisable)",
            "later", "À reconsidérer (impact modeste, difficile)");

    public static final List<String> PUBLIC_PROFILES = List.of("young", "jobseeker");

    public static String side(String profile) {
        if (profile != null && PUBLIC_PROFILES.contains(profile)) {
            return "public";
        }
        return "employer".equals(profile) ? "employers" : "others";
    }

    public static boolean isProfile(String p) {
        return p != null && PROFILES.containsKey(p);
    }

    public static String label(Map<String, String> vocabulary, String id) {
        String label = id == null ? null : vocabulary.get(id);
        return label == null ? (id == null ? "" : id) : label;
    }

    /** A map of every value of {@code vocabulary} to zero, in order: counts always list every value. */
    static Map<String, Integer> zeros(Map<String, String> vocabulary) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String k : vocabulary.keySet()) {
            m.put(k, 0);
        }
        return m;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
