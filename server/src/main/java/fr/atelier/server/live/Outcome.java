package fr.atelier.server.live;

/** The answer to one command: acknowledged (durably written) at {@code seq}, or refused. */
public record Outcome(boolean accepted, long seq, String code, String message) {
    public static Outcome ack(long seq) {
        return new Outcome(true, seq, null, null);
    }

    public static Outcome reject(String code, String message) {
        return new Outcome(false, -1, code, message);
    }

    public static Outcome unavailable() {
        return reject("unavailable", "Le service est momentanément indisponible : votre action n'a pas été enregistrée, réessayez dans un instant.");
    }
}
