package fr.atelier.workshops.hackathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.atelier.workshops.core.YamlLibrary;
import fr.atelier.workshops.core.YamlChecker;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hackathon's challenges and rubric: the built-in YAML files under {@code content/hackathon/},
 * and YAML import/export with a report of every problem, each with its line and a French message.
 * The same rules check the kit the console sends in {@code hackathon.setup}.
 */
public final class HackathonLibrary extends YamlLibrary<HackathonKit> {
    static final String FOLDER = "content/hackathon/";

    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 500;
    static final int CHALLENGES_MAX = 12;
    static final int STATEMENT_MAX = 2000;
    static final int LIST_MAX = 12;
    static final int PUBLIC_MAX = 120;
    static final int QUESTION_MAX = 300;
    static final int RESOURCE_NAME_MAX = 100;
    static final int URL_MAX = 300;
    static final int RESOURCE_DESCRIPTION_MAX = 400;
    static final int CAPACITY_MAX = 50;
    static final int CRITERIA_MAX = 10;
    static final int LABEL_MAX = 80;
    static final int WEIGHT_MAX = 10;

    private static final YAMLMapper WRITER = writer().serializationInclusion(JsonInclude.Include.NON_EMPTY).build();

    private static final Wording WORDING = new Wording("Les défis s'importent en YAML uniquement.",
            "Un seul jeu de défis par fichier (document YAML en trop).", "Défis illisibles : ", "hackathon kit");

    public HackathonLibrary() {
        this(HackathonLibrary.class.getClassLoader());
    }

    HackathonLibrary(ClassLoader loader) {
        super(HackathonKit.class, FOLDER, loader, WRITER, WORDING);
    }

    @Override
    protected Item item(HackathonKit k) {
        return new Item(k.id(), k.title(), k.description(), k.challenges().size());
    }

    @Override
    protected List<Problem> validate(JsonNode tree, Map<String, Integer> lines) {
        return rules(tree, lines);
    }

    @Override
    protected HackathonKit afterImport(HackathonKit kit) {
        return tidy(kit);
    }

    /** A built-in file without id or title is named after the file. */
    @Override
    protected Map.Entry<String, HackathonKit> builtIn(String base, HackathonKit k) {
        String id = k.id() == null ? base : k.id();
        String title = k.title() == null ? "Défis « " + base + " »" : k.title();
        return Map.entry(id, k.withIdentity(id, title, k.description()));
    }

    /** The kit's problems (line 0: a kit sent as JSON has no lines); empty when it can be played. */
    public static List<Problem> check(HackathonKit kit) {
        return rules(Json.MAPPER.valueToTree(kit), Map.of());
    }

    /** Trims every text, so that what is played and compared is what people see. */
    public static HackathonKit tidy(HackathonKit k) {
        List<HackathonKit.Challenge> challenges = new ArrayList<>();
        for (HackathonKit.Challenge c : k.challenges()) {
            List<HackathonKit.Resource> resources = new ArrayList<>();
            for (HackathonKit.Resource r : c.resources()) {
                resources.add(new HackathonKit.Resource(clean(r.name()), clean(r.url()), clean(r.description())));
            }
            challenges.add(new HackathonKit.Challenge(clean(c.id()), clean(c.title()), clean(c.statement()),
                    c.publics().stream().map(HackathonLibrary::clean).toList(),
                    c.questions().stream().map(HackathonLibrary::clean).toList(), resources, c.capacity()));
        }
        List<HackathonKit.Criterion> rubric = new ArrayList<>();
        for (HackathonKit.Criterion c : k.rubric()) {
            rubric.add(new HackathonKit.Criterion(clean(c.id()), clean(c.label()), c.weight(), clean(c.description())));
        }
        return new HackathonKit(clean(k.id()), clean(k.title()), clean(k.description()), challenges, rubric);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = Text.clean(s);
        return t.isEmpty() ? null : t;
    }

    // ---- built-in kits --------------------------------------------------------------------------------

    // ---- the rules ------------------------------------------------------------------------------------

    /** Checks a kit's tree; {@code lines} maps JSON pointers to lines (empty: every problem at line 0). */
    static List<Problem> rules(JsonNode root, Map<String, Integer> lines) {
        YamlChecker c = new YamlChecker(lines);
        if (root == null || !root.isObject()) {
            c.problem("", "Le fichier doit décrire des défis et une grille d'évaluation (clés « challenges » et « rubric »).");
            return c.problems;
        }
        c.keys(root, "", "Le fichier", Set.of("id", "title", "description", "challenges", "rubric"));
        JsonNode id = root.get("id");
        if (id != null && !id.isNull()) {
            c.id(root, "", "id", "Le fichier");
        }
        c.text(root, "", "title", "Le fichier", TITLE_MAX, false);
        c.text(root, "", "description", "Le fichier", DESCRIPTION_MAX, false);

        Set<String> ids = new HashSet<>();
        JsonNode challenges = c.list(root, "", "challenges", "Le fichier", 1, CHALLENGES_MAX);
        for (int i = 0; challenges != null && i < challenges.size(); i++) {
            JsonNode ch = challenges.get(i);
            String at = "/challenges/" + i;
            String what = "Défi n° " + (i + 1);
            if (!c.object(ch, at, what)) {
                continue;
            }
            what = c.uniqueId(ch, at, what, ids, cid -> "Défi « " + cid + " »");
            c.keys(ch, at, what, Set.of("id", "title", "statement", "publics", "questions", "resources", "capacity"));
            c.text(ch, at, "title", what, TITLE_MAX, true);
            c.text(ch, at, "statement", what, STATEMENT_MAX, true);
            JsonNode publics = c.list(ch, at, "publics", what, 0, LIST_MAX);
            for (int j = 0; publics != null && j < publics.size(); j++) {
                c.string(publics.get(j), at + "/publics/" + j, what + ", public n° " + (j + 1), PUBLIC_MAX);
            }
            JsonNode questions = c.list(ch, at, "questions", what, 0, LIST_MAX);
            for (int j = 0; questions != null && j < questions.size(); j++) {
                c.string(questions.get(j), at + "/questions/" + j, what + ", question n° " + (j + 1), QUESTION_MAX);
            }
            JsonNode resources = c.list(ch, at, "resources", what, 0, LIST_MAX);
            for (int j = 0; resources != null && j < resources.size(); j++) {
                JsonNode r = resources.get(j);
                String rat = at + "/resources/" + j;
                String rwhat = what + ", ressource n° " + (j + 1);
                if (!c.object(r, rat, rwhat)) {
                    continue;
                }
                c.keys(r, rat, rwhat, Set.of("name", "url", "description"));
                c.text(r, rat, "name", rwhat, RESOURCE_NAME_MAX, true);
                String url = c.text(r, rat, "url", rwhat, URL_MAX, false);
                if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                    c.problem(rat + "/url", rwhat + " : l'adresse doit commencer par https:// ou http://.");
                }
                c.text(r, rat, "description", rwhat, RESOURCE_DESCRIPTION_MAX, false);
            }
            c.integer(ch, at, "capacity", what, 1, CAPACITY_MAX, false,
                    "la capacité (nombre d'équipes sur ce défi) doit être un entier de 1 à " + CAPACITY_MAX + ".");
        }

        Set<String> criteria = new HashSet<>();
        JsonNode rubric = c.list(root, "", "rubric", "Le fichier", 1, CRITERIA_MAX);
        for (int i = 0; rubric != null && i < rubric.size(); i++) {
            JsonNode cr = rubric.get(i);
            String at = "/rubric/" + i;
            String what = "Critère n° " + (i + 1);
            if (!c.object(cr, at, what)) {
                continue;
            }
            what = c.uniqueId(cr, at, what, criteria, cid -> "Critère « " + cid + " »");
            c.keys(cr, at, what, Set.of("id", "label", "weight", "description"));
            c.text(cr, at, "label", what, LABEL_MAX, true);
            c.integer(cr, at, "weight", what, 1, WEIGHT_MAX, true, "le poids doit être un entier de 1 à " + WEIGHT_MAX + ".");
            c.text(cr, at, "description", what, RESOURCE_DESCRIPTION_MAX, false);
        }
        return c.problems;
    }
}
