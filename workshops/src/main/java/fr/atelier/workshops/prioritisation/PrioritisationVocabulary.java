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

    /** One word: a fixed id, its label and an optional hint shown under it. */
    public record Entry(String id, String label, String hint) {}
}
