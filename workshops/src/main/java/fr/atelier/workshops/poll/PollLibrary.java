package fr.atelier.workshops.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.YamlChecker;
import fr.atelier.workshops.core.YamlLibrary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prepared poll question lists (the library's "poll" kind): the built-in warm-ups under
 * {@code content/poll/}, YAML import with every problem on its line, YAML export. A question's
 * rules are {@link PollQuestion#checked}, the same the decider applies to {@code poll.ask}.
 */
public final class PollLibrary extends YamlLibrary<PollList> {
    static final String FOLDER = "content/poll/";
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 1000;

    private static final YAMLMapper WRITER = writer()
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();

    private static final Wording WORDING = new Wording("Les listes de questions s'importent en YAML uniquement.",
            "Une seule liste de questions par fichier (document YAML en trop).", "Liste de questions illisible : ", "poll list");

    public PollLibrary() {
        this(PollLibrary.class.getClassLoader());
    }

    PollLibrary(ClassLoader loader) {
        super(PollList.class, FOLDER, loader, WRITER, WORDING);
    }

    @Override
    protected Item item(PollList l) {
        return new Item(l.id(), l.title(), l.description(), l.questions().size());
    }

    @Override
    protected List<Problem> validate(JsonNode root, Map<String, Integer> lines) {
        YamlChecker c = new YamlChecker(lines);
        if (root == null || !root.isObject()) {
            c.problem("", "Le fichier doit décrire une liste de questions (id, title, questions).");
            return c.problems;
        }
        c.keys(root, "", "La liste", Set.of("id", "title", "description", "questions"));
        c.id(root, "", "id", "La liste");
        c.text(root, "", "title", "La liste", TITLE_MAX, true);
        c.text(root, "", "description", "La liste", DESCRIPTION_MAX, false);
        JsonNode questions = c.list(root, "", "questions", "La liste", 1, PollList.QUESTIONS_MAX);
        for (int i = 0; questions != null && i < questions.size(); i++) {
            JsonNode q = questions.get(i);
            String at = "/questions/" + i;
            String what = "Question " + (i + 1);
            if (!c.object(q, at, what)) {
                continue;
            }
            int before = c.problems.size();
            c.keys(q, at, what, Set.of("kind", "text", "options", "correct", "seconds", "scale"));
            if (c.problems.size() > before) {
                continue; // an unknown key: the rest would only repeat it
            }
            JsonNode kind = q.get("kind");
            if (kind != null && !(kind.isTextual() && kinds().contains(kind.asText().toUpperCase(Locale.ROOT)))) {
                c.problem(at + "/kind", what + " : type inconnu (attendus : single, multiple, words, scale, open, ranking, qa).");
                continue;
            }
            try {
                PollQuestion parsed = Json.MAPPER.treeToValue(q, PollQuestion.class);
                PollQuestion.Checked checked = PollQuestion.checked(parsed);
                if (checked.problem() != null) {
                    c.problem(at, what + " : " + checked.problem());
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                c.problem(at, what + " : illisible (" + e.getClass().getSimpleName() + ").");
            }
        }
        return c.problems;
    }

    @Override
    protected PollList afterImport(PollList l) {
        return new PollList(l.id(), l.title(), l.description(),
                l.questions().stream().map(q -> PollQuestion.checked(q).question()).toList());
    }

    private static Set<String> kinds() {
        return java.util.Arrays.stream(PollKind.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }
}
