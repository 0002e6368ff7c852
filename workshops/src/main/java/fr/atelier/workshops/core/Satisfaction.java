package fr.atelier.workshops.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The satisfaction questionnaire every SPRO action ends with: a 1–5 rating and an optional
 * comment per participant. A participant may change their answer until the session ends.
 */
public record Satisfaction(Map<String, Rating> ratings) {
    public static final int MIN = 1;
    public static final int MAX = 5;
    public static final int COMMENT_MAX = 500;

    public record Rating(int score, String comment) {}

    /** What the room may see: counts and average; comments are anonymous. */
    public record Summary(int count, int[] distribution, Double average, List<String> comments) {}

    public static final Satisfaction EMPTY = new Satisfaction(Map.of());

    public Satisfaction {
        ratings = PersistentMap.of(ratings);
    }

    public Satisfaction rate(String participantId, int score, String comment) {
        return new Satisfaction(((PersistentMap<String, Rating>) ratings)
                .plus(participantId, new Rating(score, comment == null || comment.isBlank() ? null : comment)));
    }

    public Rating ratingOf(String participantId) {
        return ratings.get(participantId);
    }

    public Summary summary(boolean withComments) {
        int[] distribution = new int[MAX];
        List<String> comments = new ArrayList<>();
        int sum = 0;
        for (Rating r : ratings.values()) {
            distribution[r.score() - 1]++;
            sum += r.score();
            if (r.comment() != null) {
                comments.add(r.comment());
            }
        }
        Double average = ratings.isEmpty() ? null : Math.round(10.0 * sum / ratings.size()) / 10.0;
        return new Summary(ratings.size(), distribution, average, withComments ? comments : null);
    }

    /** Validates a rating; returns null when valid, else a French message. */
    public static String problemWith(int score, String comment) {
        if (score < MIN || score > MAX) {
            return "La note doit être comprise entre 1 et 5.";
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            return "Le commentaire ne doit pas dépasser " + COMMENT_MAX + " caractères.";
        }
        return null;
    }
}
