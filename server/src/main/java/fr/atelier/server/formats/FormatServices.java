package fr.atelier.server.formats;

import fr.atelier.server.db.Database;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.http.JoinGuard;

/** What a format's checks and HTTP extras may use from the server. */
public record FormatServices(Database db, JoinGuard guard, JoinBase joinBase) {}
