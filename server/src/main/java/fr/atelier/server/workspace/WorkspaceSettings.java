package fr.atelier.server.workspace;

import fr.atelier.server.http.Limits;
import fr.atelier.server.workspace.accounts.MailSettings;
import fr.atelier.server.workspace.sso.OidcSettings;

/**
 * The settings the workspace reads, taken from the node's configuration by the start-up (the
 * workspace does not know the application's {@code Config}: only the start-up does).
 */
public record WorkspaceSettings(String publicUrl, String clusterName, Limits limits, MailSettings mail,
                                boolean anonymousSessions, OidcSettings oidc) {}
