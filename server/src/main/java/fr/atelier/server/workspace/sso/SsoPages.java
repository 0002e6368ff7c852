package fr.atelier.server.workspace.sso;

import fr.atelier.server.workspace.sso.SsoRules.Refusal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The French pages a sign-in by the provider can end on. Plain server-rendered HTML: the browser
 * arrives here from the provider's redirect, with no application page loaded.
 */
final class SsoPages {
    private final String provider;
    private final String signInPath;

    SsoPages(String provider, String signInPath) {
        this.provider = provider;
        this.signInPath = signInPath;
    }

    void refused(RoutingContext rc, Refusal reason, String email) {
        int status = switch (reason) {
            case STATE, NONCE, EXPIRED, PROVIDER_ERROR -> 400;
            case ID_TOKEN -> 502;
            case NO_EMAIL, DOMAIN_NOT_ALLOWED, DISABLED -> 403;
        };
        String domain = email == null ? "" : SsoRules.domainOf(email);
        String text = switch (reason) {
            case STATE -> "Cette demande de connexion n'est plus valable : le lien a déjà servi, a expiré ou a été ouvert dans un autre navigateur. "
                    + "Rien n'a été modifié. Recommencez la connexion.";
            case PROVIDER_ERROR -> "La connexion a été annulée ou refusée par " + provider + ". Rien n'a été modifié. Vous pouvez recommencer.";
            case ID_TOKEN -> "La réponse de " + provider + " n'a pas pu être vérifiée. Rien n'a été modifié. Recommencez ; si cela se reproduit, "
                    + "prévenez l'administrateur·rice d'Atelier.";
            case NONCE -> "La réponse de " + provider + " ne correspond pas à cette demande de connexion (réponse rejouée ou substituée). "
                    + "Rien n'a été modifié. Recommencez la connexion.";
            case EXPIRED -> "La réponse de " + provider + " a expiré. Rien n'a été modifié. Recommencez la connexion ; si cela se reproduit, "
                    + "l'horloge du serveur est peut-être déréglée : prévenez l'administrateur·rice d'Atelier.";
            case NO_EMAIL -> provider + " n'a pas transmis d'adresse e-mail : Atelier en a besoin pour retrouver votre compte. "
                    + "Rien n'a été modifié.";
            case DOMAIN_NOT_ALLOWED -> "Aucun compte Atelier n'existe pour " + email + ", et les adresses en @" + domain
                    + " ne sont ouvertes à aucun territoire. Demandez à la coordination de votre territoire ou à l'administrateur·rice "
                    + "régional·e d'Atelier de vous inviter, ou d'autoriser le domaine " + domain + " pour votre territoire "
                    + "(Administration, Territoires).";
            case DISABLED -> "Votre compte Atelier a été désactivé. Adressez-vous à l'administrateur·rice régional·e d'Atelier.";
        };
        String title = reason == Refusal.DOMAIN_NOT_ALLOWED || reason == Refusal.DISABLED ? "Pas de compte Atelier pour cette adresse" : "Connexion impossible";
        if (reason == Refusal.DISABLED) {
            title = "Compte désactivé";
        }
        page(rc, status, title, text);
    }

    void unavailable(RoutingContext rc) {
        page(rc, 503, "Connexion par " + provider + " indisponible", provider + " ne répond pas pour le moment. Réessayez dans quelques minutes, "
                + "ou connectez-vous avec votre adresse e-mail et votre mot de passe.");
    }

    void tooMany(RoutingContext rc) {
        rc.response().putHeader("Retry-After", "60");
        page(rc, 429, "Trop de tentatives de connexion", "Trop de connexions ont été commencées depuis cette adresse. "
                + "Attendez une minute, puis recommencez.");
    }

    void off(RoutingContext rc) {
        page(rc, 404, "Connexion par fournisseur d'identité non activée",
                "Ce serveur Atelier n'utilise pas de fournisseur d'identité. Connectez-vous avec votre adresse e-mail et votre mot de passe.");
    }

    private void page(RoutingContext rc, int status, String title, String text) {
        String body = "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + " — Atelier</title>\n<link rel=\"icon\" href=\"/app/icon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/app/base.css\">\n<link rel=\"stylesheet\" href=\"/app/workspace/workspace.css\">\n"
                + "</head>\n<body class=\"page-workspace\">\n<main id=\"main\" class=\"workspace workspace--narrow\">\n"
                + "<h1>" + escape(title) + "</h1>\n<div class=\"panel stack\">\n<p class=\"lead\" data-testid=\"sso-message\">" + escape(text) + "</p>\n"
                + "<p><a class=\"btn btn--primary\" href=\"" + escape(signInPath) + "\">Revenir à la page de connexion</a></p>\n"
                + "</div>\n</main>\n</body>\n</html>\n";
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /** Text and double-quoted attribute values (French apostrophes stay readable in the source). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
