package fr.atelier.workshops.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.atelier.workshops.core.YamlLibrary;
import fr.atelier.workshops.core.YamlChecker;
import fr.atelier.workshops.core.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The card decks: the built-in YAML decks under {@code content/cards/}, and YAML import/export with
 * a report of every problem, each with its line and a French message. The same rules check a deck
 * sent by the console in {@code cards.useDeck}.
 */
public final class CardsLibrary extends YamlLibrary<Deck> {
    static final String FOLDER = "content/cards/";
    static final Set<String> KINDS = Set.of(GridField.CARD, GridField.LIST, GridField.STRUCTURES, GridField.TEXT);

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 500;
    static final int RULE_MAX = 300;
    static final int RULES_MAX = 15;
    static final int STRUCTURES_MAX = 60;
    static final int CASES_MAX = 200;
    static final int CASE_TEXT_MAX = 1500;
    static final int SCHEMES_MAX = 12;
    static final int GRID_MAX = 12;

    private static final YAMLMapper WRITER = writer()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private static final Wording WORDING = new Wording("Les jeux de cartes s'importent en YAML uniquement.",
            "Un seul jeu de cartes par fichier (document YAML en trop).", "Jeu de cartes illisible : ", "deck");

    public CardsLibrary() {
        this(CardsLibrary.class.getClassLoader());
    }

    CardsLibrary(ClassLoader loader) {
        super(Deck.class, FOLDER, loader, WRITER, WORDING);
    }

    @Override
    protected Item item(Deck d) {
        return new Item(d.id(), d.title(), d.description(), d.cases().size());
    }

    @Override
    protected List<Problem> validate(JsonNode tree, Map<String, Integer> lines) {
        return rules(tree, lines);
    }

    /** The deck's problems (line 0: a deck sent as JSON has no lines); empty when it can be played. */
    public static List<Problem> check(Deck deck) {
        return rules(Json.MAPPER.valueToTree(deck), Map.of());
    }

    // ---- the rules --------------------------------------------------------------------------------

    /** Checks a deck's tree; {@code lines} maps JSON pointers to lines (empty: every problem at line 0). */
    static List<Problem> rules(JsonNode root, Map<String, Integer> lines) {
        YamlChecker c = new YamlChecker(lines);
        if (root == null || !root.isObject()) {
            c.problem("", "Le fichier doit décrire un jeu de cartes (id, title, rules, structures, cases, grid).");
            return c.problems;
        }
        c.keys(root, "", "Le jeu", Set.of("id", "title", "description", "feelings", "rules", "structures", "cases", "grid"));
        c.id(root, "", "id", "Le jeu");
        c.text(root, "", "title", "Le jeu", TITLE_MAX, true);
        c.text(root, "", "description", "Le jeu", DESCRIPTION_MAX, false);
        c.text(root, "", "feelings", "Le jeu", RULE_MAX, false);

        JsonNode rules = c.list(root, "", "rules", "Le jeu", 1, RULES_MAX);
        for (int i = 0; rules != null && i < rules.size(); i++) {
            c.string(rules.get(i), "/rules/" + i, "Règle " + (i + 1), RULE_MAX);
        }

        Set<String> structureIds = new HashSet<>();
        JsonNode structures = c.list(root, "", "structures", "Le jeu", 1, STRUCTURES_MAX);
        for (int i = 0; structures != null && i < structures.size(); i++) {
            JsonNode s = structures.get(i);
            String at = "/structures/" + i;
            String what = "Carte structure n° " + (i + 1);
            if (!c.object(s, at, what)) {
                continue;
            }
            what = c.uniqueId(s, at, what, structureIds, id -> "Carte structure « " + id + " »");
            c.keys(s, at, what, Set.of("id", "name", "missions", "publics"));
            c.text(s, at, "name", what, TITLE_MAX, true);
            c.text(s, at, "missions", what, CASE_TEXT_MAX, true);
            c.text(s, at, "publics", what, CASE_TEXT_MAX, true);
        }

        Set<Long> numbers = new HashSet<>();
        JsonNode cases = c.list(root, "", "cases", "Le jeu", 1, CASES_MAX);
        for (int i = 0; cases != null && i < cases.size(); i++) {
            JsonNode k = cases.get(i);
            String at = "/cases/" + i;
            String what = "Carte situation (position " + (i + 1) + ")";
            if (!c.object(k, at, what)) {
                continue;
            }
            JsonNode number = k.get("number");
            if (number == null || number.isNull()) {
                c.problem(at, what + " : le champ « number » (numéro de la carte) est obligatoire.");
            } else if (!number.isIntegralNumber() || number.asLong() < 1 || number.asLong() > 999) {
                c.problem(at + "/number", what + " : le numéro doit être un nombre entier de 1 à 999.");
            } else {
                what = "Carte situation n° " + number.asLong();
                if (!numbers.add(number.asLong())) {
                    c.problem(at + "/number", what + " : numéro en double.");
                }
            }
            c.keys(k, at, what, Set.of("number", "title", "situation", "briefing", "notes", "structures", "schemes"));
            c.text(k, at, "title", what, TITLE_MAX, true);
            c.text(k, at, "situation", what, CASE_TEXT_MAX, true);
            c.text(k, at, "briefing", what, CASE_TEXT_MAX, true);
            c.text(k, at, "notes", what, CASE_TEXT_MAX, true);
            JsonNode doors = c.list(k, at, "structures", what, 0, STRUCTURES_MAX);
            for (int j = 0; doors != null && j < doors.size(); j++) {
                String id = c.string(doors.get(j), at + "/structures/" + j, what + ", structure " + (j + 1), 60);
                if (id != null && !structureIds.contains(id)) {
                    c.problem(at + "/structures/" + j, what + " : structure inconnue « " + id + " » (absente de la liste « structures »).");
                }
            }
            JsonNode schemes = c.list(k, at, "schemes", what, 0, SCHEMES_MAX);
            for (int j = 0; schemes != null && j < schemes.size(); j++) {
                c.string(schemes.get(j), at + "/schemes/" + j, what + ", dispositif " + (j + 1), RULE_MAX);
            }
        }

        Set<String> fieldIds = new HashSet<>();
        int cardFields = 0;
        JsonNode grid = c.list(root, "", "grid", "Le jeu", 1, GRID_MAX);
        for (int i = 0; grid != null && i < grid.size(); i++) {
            JsonNode f = grid.get(i);
            String at = "/grid/" + i;
            String what = "Grille, champ " + (i + 1);
            if (!c.object(f, at, what)) {
                continue;
            }
            what = c.uniqueId(f, at, what, fieldIds, id -> "Grille, champ « " + id + " »");
            c.keys(f, at, what, Set.of("id", "label", "kind", "hint"));
            c.text(f, at, "label", what, TITLE_MAX, true);
            c.text(f, at, "hint", what, RULE_MAX, false);
            String kind = c.text(f, at, "kind", what, 20, true);
            if (kind != null && !KINDS.contains(kind)) {
                c.problem(at + "/kind", what + " : type « " + kind + " » inconnu (card, list, structures ou text).");
            }
            if (GridField.CARD.equals(kind) && ++cardFields > 1) {
                c.problem(at + "/kind", what + " : un seul champ de type « card » par grille.");
            }
        }
        return c.problems;
    }
}
