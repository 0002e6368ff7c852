package fr.atelier.workshops.prioritisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.core.YamlChecker;
import fr.atelier.workshops.core.YamlLibrary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dessine-moi vocabularies (issue 16): the built-in files under {@code content/prioritisation/} and
 * YAML import/export, every problem with its line and a French message. A vocabulary renames the
 * fixed profiles and categories of {@link Vocabulary}; it cannot invent ids the synthesis does not
 * know.
 */
public final class PrioritisationLibrary extends YamlLibrary<PrioritisationVocabulary> {
    static final String FOLDER = "content/prioritisation/";
    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 500;
    static final int LABEL_MAX = 60;
    static final int HINT_MAX = 200;

    private static final YAMLMapper WRITER = writer().serializationInclusion(JsonInclude.Include.NON_EMPTY).build();
    private static final Wording WORDING = new Wording("Les vocabulaires s'importent en YAML uniquement.",
            "Un seul vocabulaire par fichier (document YAML en trop).", "Vocabulaire illisible : ", "prioritisation vocabulary");

    public PrioritisationLibrary() {
        super(PrioritisationVocabulary.class, FOLDER, PrioritisationLibrary.class.getClassLoader(), WRITER, WORDING);
    }

    @Override
    protected Item item(PrioritisationVocabulary v) {
        return new Item(v.id(), v.title(), v.description(), v.profiles().size() + v.categories().size());
    }

    @Override
    protected PrioritisationVocabulary afterImport(PrioritisationVocabulary v) {
        return tidied(v);
    }

    /** The vocabulary with its texts cleaned (spaces, invisible characters), as an import keeps it. */
    public static PrioritisationVocabulary tidied(PrioritisationVocabulary v) {
        return new PrioritisationVocabulary(v.id(), Text.clean(v.title()), v.description() == null ? null : Text.clean(v.description()),
                v.profiles().stream().map(PrioritisationLibrary::tidy).toList(), v.categories().stream().map(PrioritisationLibrary::tidy).toList());
    }

    private static PrioritisationVocabulary.Entry tidy(PrioritisationVocabulary.Entry e) {
        return new PrioritisationVocabulary.Entry(e.id().strip(), Text.clean(e.label()), Text.isBlank(e.hint()) ? null : Text.clean(e.hint()));
    }

    @Override
    protected List<Problem> validate(JsonNode tree, Map<String, Integer> lines) {
        return rules(tree, lines);
    }

    /** The vocabulary's problems (line 0: a copy sent as JSON has no lines); empty when a session can use it. */
    public static List<Problem> check(PrioritisationVocabulary v) {
        return rules(Json.MAPPER.valueToTree(v), Map.of());
    }

    private static List<Problem> rules(JsonNode tree, Map<String, Integer> lines) {
        YamlChecker c = new YamlChecker(lines);
        if (!c.object(tree, "", "Le vocabulaire")) {
            return c.problems;
        }
        c.keys(tree, "", "Le vocabulaire", Set.of("id", "title", "description", "profiles", "categories"));
        c.id(tree, "", "id", "Le vocabulaire");
        c.text(tree, "", "title", "Le vocabulaire", TITLE_MAX, true);
        c.text(tree, "", "description", "Le vocabulaire", DESCRIPTION_MAX, false);
        entries(c, tree, "profiles", "Profil", Vocabulary.PROFILES);
        entries(c, tree, "categories", "Catégorie", Vocabulary.CATEGORIES);
        return c.problems;
    }

    private static void entries(YamlChecker c, JsonNode tree, String field, String what, Map<String, String> known) {
        JsonNode list = c.list(tree, "", field, "Le vocabulaire", 1, known.size());
        if (list == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/" + field + "/" + i;
            JsonNode e = list.get(i);
            String name = what + " n° " + (i + 1);
            if (!c.object(e, at, name)) {
                continue;
            }
            c.keys(e, at, name, Set.of("id", "label", "hint"));
            String id = c.text(e, at, "id", name, 40, true);
            if (id != null) {
                if (!known.containsKey(id)) {
                    c.problem(at + "/id", name + " : identifiant « " + id + " » inconnu (attendus : " + String.join(", ", known.keySet())
                            + ") ; seul le libellé se change.");
                } else if (!seen.add(id)) {
                    c.problem(at + "/id", name + " : « " + id + " » apparaît deux fois.");
                }
            }
            c.text(e, at, "label", name, LABEL_MAX, true);
            c.text(e, at, "hint", name, HINT_MAX, false);
        }
    }
}
