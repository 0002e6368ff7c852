package fr.atelier.server.workspace.accounts;

import java.util.Map;

/**
 * SMTP for invitations and password resets, from {@code ATELIER_SMTP_HOST}, {@code _PORT} (587),
 * {@code _USER}, {@code _PASSWORD}, {@code _FROM}, {@code _TLS} ({@code starttls} by default,
 * {@code tls} for port 465, {@code none} for a relay on the local network). Null without a host:
 * links are then shown to the administrator to pass on.
 */
public record MailSettings(String host, int port, String user, String password, String from, String tls) {
    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", user=" + user + ", from=" + from + ", tls=" + tls + "]"; // never the password
    }

    public static MailSettings from(Map<String, String> env) {
        String host = blank(env.get("ATELIER_SMTP_HOST"));
        if (host == null) {
            return null;
        }
        String tls = env.getOrDefault("ATELIER_SMTP_TLS", "starttls").trim().toLowerCase(java.util.Locale.ROOT);
        if (!tls.equals("starttls") && !tls.equals("tls") && !tls.equals("none")) {
            throw new IllegalArgumentException("ATELIER_SMTP_TLS must be starttls, tls or none, not '" + tls + "'");
        }
        String port = blank(env.get("ATELIER_SMTP_PORT"));
        String from = blank(env.get("ATELIER_SMTP_FROM"));
        return new MailSettings(host, port == null ? (tls.equals("tls") ? 465 : 587) : Integer.parseInt(port),
                blank(env.get("ATELIER_SMTP_USER")), blank(env.get("ATELIER_SMTP_PASSWORD")),
                from == null ? "atelier@" + host : from, tls);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
