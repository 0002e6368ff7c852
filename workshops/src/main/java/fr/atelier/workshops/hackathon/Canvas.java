package fr.atelier.workshops.hackathon;

import java.util.List;
import java.util.Optional;

/**
 * The two canvases a team fills: the persona and problem canvas (Understand) and the solution
 * canvas (Build). Field ids are stable (protocol, storage, CSV); their labels live in the web
 * catalogues and in {@link Field#label()} for the synthesis and the CSV.
 */
public final class Canvas {
    public static final String PROBLEM = "problem";
    public static final String SOLUTION = "solution";

    /** One field of a canvas, with its French label and its size limit. */
    public record Field(String id, String canvas, String label, int max) {}

    public static final List<Field> FIELDS = List.of(
            new Field("persona", PROBLEM, "Persona : qui est-ce ?", 1000),
            new Field("situation", PROBLEM, "Sa situation, son parcours", 1000),
            new Field("needs", PROBLEM, "Ses besoins et ses envies", 1000),
            new Field("obstacles", PROBLEM, "Ce qui la freine", 1000),
            new Field("problem", PROBLEM, "Notre problème : « Comment pourrions-nous… ? »", 500),
            new Field("name", SOLUTION, "Nom de la solution", 60),
            new Field("pitch", SOLUTION, "Le pitch en une phrase", 200),
            new Field("target", SOLUTION, "Public cible", 300),
            new Field("how", SOLUTION, "Comment ça marche", 1000),
            new Field("resources", SOLUTION, "Ressources nécessaires", 1000),
            new Field("firstStep", SOLUTION, "Premier pas", 500));

    private Canvas() {}

    public static Optional<Field> field(String id) {
        return FIELDS.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public static List<Field> of(String canvas) {
        return FIELDS.stream().filter(f -> f.canvas().equals(canvas)).toList();
    }
}
