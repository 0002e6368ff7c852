package fr.atelier.server.workspace.accounts;

import java.util.List;

/** A local SPRO network, with the e-mail domains whose people may get an account by single sign-on. */
public record Territory(String id, String name, List<String> domains) {
    public Territory {
        domains = List.copyOf(domains);
    }
}
