package fr.atelier.server.http;

/** A refusal with an HTTP status, a stable code and a French message; one failure handler writes it. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
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

    public static ApiError rateLimited() {
        return new ApiError(429, "rate_limited", "Trop de tentatives depuis votre connexion : patientez une minute.");
    }
}
