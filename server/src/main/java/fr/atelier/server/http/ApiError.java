package fr.atelier.server.http;

/** A refusal with an HTTP status, a stable code and a French message; one failure handler writes it. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    private ApiError(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds for the {@code Retry-After} header; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError unknownSession() {
        return new ApiError(404, "unknown_session", "Aucune session ne correspond à ce code. Vérifiez-le auprès de l'animateur.");
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Lien d'animation invalide : utilisez le lien secret reçu à la création de la session.");
    }

    public static ApiError unavailable() {
        return new ApiError(503, "unavailable", "Service momentanément indisponible, réessayez dans un instant.");
    }

    /** {@code what} says what was too much, e.g. "Trop d'inscriptions à cette session". */
    public static ApiError rateLimited(String what, long retryAfterSeconds) {
        long s = Math.max(1, retryAfterSeconds);
        return new ApiError(429, "rate_limited", what + " depuis votre connexion : réessayez dans "
                + s + (s > 1 ? " secondes." : " seconde."), s);
    }
}
