package fr.atelier.workshops.prioritisation;

import java.util.List;

/**
 * The words a territory uses in "Dessine-moi le travail" (issue 16): how the participants' profiles
 * and the categories of problems are named on the phones and the wall. Ids are the fixed ones of
 * {@link Vocabulary} (the synthesis counts by them); only the labels and hints change.
 */
public record PrioritisationVocabulary(String id, String title, String description, List<Entry> profiles, List<Entry> categories) {
    public PrioritisationVocabulary {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A profile's label in this session: the vocabulary's ({@code v} may be null), else the built-in one. */
    public static String profileLabel(PrioritisationVocabulary v, String id) {
        return word(v == null ? null : v.profiles(), Vocabulary.PROFILES, id);
    }

    /** A category's label in this session: the vocabulary's ({@code v} may be null), else the built-in one. */
    public static String categoryLabel(PrioritisationVocabulary v, String id) {
        return word(v == null ? null : v.categories(), Vocabulary.CATEGORIES, id);
    }

    private static String word(List<Entry> entries, java.util.Map<String, String> builtIn, String id) {
        if (entries != null && id != null) {
            for (Entry e : entries) {
                if (id.equals(e.id())) {
                    return e.label();
                }
            }
        }
        return Vocabulary.label(builtIn, id);
    }

    /** One word: a fixed id, its label and an optional hint shown under it. */
    public record Entry(String id, String label, String hint) {}
}
