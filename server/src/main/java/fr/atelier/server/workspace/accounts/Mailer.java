package fr.atelier.server.workspace.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/** Sends one-time links by SMTP when ATELIER_SMTP_* is set; without it, {@link #enabled()} is false. */
public final class Mailer {
    private final MailSettings settings;
    private final MailClient client;

    public Mailer(Vertx vertx, MailSettings settings) {
        this.settings = settings;
        if (settings == null) {
            client = null;
            return;
        }
        MailConfig c = new MailConfig().setHostname(settings.host()).setPort(settings.port())
                .setSsl("tls".equals(settings.tls()))
                .setStarttls("starttls".equals(settings.tls()) ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
                .setLogin(settings.user() == null ? LoginOption.DISABLED : LoginOption.REQUIRED);
        if (settings.user() != null) {
            c.setUsername(settings.user()).setPassword(settings.password());
        }
        client = MailClient.create(vertx, c);
    }

    public boolean enabled() {
        return client != null;
    }

    /** An invitation or a reset link, in plain French text. */
    public Future<Void> sendLink(Invitations.Kind kind, String to, Role role, String link) {
        String subject = kind == Invitations.Kind.INVITE ? "Votre accès à Atelier" : "Atelier : choisir un nouveau mot de passe";
        String text = kind == Invitations.Kind.INVITE
                ? "Bonjour,\n\nVous êtes invité·e sur Atelier en tant que " + role.label().toLowerCase(java.util.Locale.ROOT)
                        + ".\nPour choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois) :\n\n" + link
                        + "\n\nSi vous n'attendiez pas ce message, ignorez-le.\n"
                : "Bonjour,\n\nPour choisir un nouveau mot de passe Atelier, ouvrez ce lien (valable 2 heures, une seule fois) :\n\n"
                        + link + "\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n";
        return client.sendMail(new MailMessage().setFrom(settings.from()).setTo(to).setSubject(subject).setText(text)).mapEmpty();
    }

    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
