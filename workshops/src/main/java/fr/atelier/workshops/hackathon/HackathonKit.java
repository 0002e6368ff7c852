package fr.atelier.workshops.hackathon;

import java.util.List;
import java.util.Optional;

/**
 * What a hackathon plays: its challenges and its judging rubric, as written in
 * {@code content/hackathon/*.yaml} or edited by the facilitator. {@code id}, {@code title} and
 * {@code description} are optional in files (the catalogue falls back on the file name).
 */
public record HackathonKit(String id, String title, String description, List<Challenge> challenges, List<Criterion> rubric) {

    /** One challenge. {@code capacity} (optional): how many teams may take it. */
    public record Challenge(String id, String title, String statement, List<String> publics, List<String> questions,
                            List<Resource> resources, Integer capacity) {
        public Challenge {
            publics = publics == null ? List.of() : List.copyOf(publics);
            questions = questions == null ? List.of() : List.copyOf(questions);
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }

    /** A starting resource: a site, a service, a document. */
    public record Resource(String name, String url, String description) {}

    /** One judging criterion; the weighted total divides by the sum of the weights. */
    public record Criterion(String id, String label, int weight, String description) {}

    public HackathonKit {
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
    }

    public Optional<Challenge> challenge(String challengeId) {
        return challenges.stream().filter(c -> c.id().equals(challengeId)).findFirst();
    }

    public Optional<Criterion> criterion(String criterionId) {
        return rubric.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public HackathonKit withIdentity(String newId, String newTitle, String newDescription) {
        return new HackathonKit(newId, newTitle, newDescription, challenges, rubric);
    }
}
