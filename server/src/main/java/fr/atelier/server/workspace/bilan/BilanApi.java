package fr.atelier.server.workspace.bilan;

import fr.atelier.server.db.Database;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.server.workspace.bilan.BilanQueries.Scope;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.cards.CardsLibrary;
import fr.atelier.workshops.cards.Deck;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Publics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Région's report (issue 18, items 3 and 4): the dashboards' JSON and the annual report as XLSX,
 * PDF and CSV, for a territory (its coordinators and the administrators) or the region (administrators).
 * Built and mounted by one line of AtelierServer.
 */
public final class BilanApi {
    static final String REGION = "Toute la région";
    static final int MAX_DAYS = 366 * 5;

    private final Database db;
    private final BilanQueries queries;
    private final Viewer.Source viewers;

    public BilanApi(Database db, BilanQueries queries, Viewer.Source viewers) {
        this.db = db;
        this.queries = queries;
        this.viewers = viewers;
    }

    /** The production wiring: format titles from the registry, publics' labels, the built-in card decks. */
    public static void mount(Router router, Database db, Formats formats) {
        CardsLibrary decks = new CardsLibrary();
        new BilanApi(db, new BilanQueries(db, titles(formats), BilanApi::publicLabel, new CardSuggestions(deckById(decks)),
                Clock.systemUTC()), Viewer.signedIn()).mount(router);
    }

    static Function<String, String> titles(Formats formats) {
        return f -> formats.find(f).map(x -> x.title()).orElse(f);
    }

    public static String publicLabel(String code) {
        Publics.Public p = Publics.byCode(code);
        return p == null ? code : p.fr();
    }

    public static Function<String, Optional<Deck>> deckById(CardsLibrary decks) {
        return id -> {
            try {
                return Optional.of(decks.load(id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }

    public void mount(Router router) {
        router.get("/api/workspace/bilan/scopes").handler(this::scopes);
        router.get("/api/workspace/bilan").handler(this::json);
        router.get("/api/workspace/bilan.xlsx").handler(this::xlsx);
        router.get("/api/workspace/bilan.pdf").handler(this::pdf);
        router.get("/api/workspace/bilan.csv").handler(this::csv);
        router.get("/api/workspace/bilan-seances.csv").handler(this::sessionsCsv);
    }

    private Viewer reader(RoutingContext rc) {
        Viewer v = viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous pour consulter le bilan."));
        if (!v.isCoordinator() && !v.isAdmin()) {
            throw new ApiError(403, "forbidden", "Le bilan est réservé aux coordinateur·rices et aux administrateur·rices.");
        }
        return v;
    }

    /** The territories this person may report on, and whether the region is open to them. */
    private void scopes(RoutingContext rc) {
        Viewer v = reader(rc);
        db.query(tx -> tx.resultQuery("select id, name from territory order by name").fetch()
                        .map(r -> Map.of("id", r.get(0, String.class), "name", r.get(1, String.class))))
                .map(all -> Map.of("region", v.isAdmin(), "territories",
                        all.stream().filter(t -> v.inTerritory((String) t.get("id"))).toList()))
                .onSuccess(body -> Requests.json(rc, 200, Json.MAPPER.valueToTree(body)))
                .onFailure(rc::fail);
    }

    record Period(LocalDate from, LocalDate to) {}

    /** {@code year=2026}, or {@code from} and {@code to} (days, Paris time); the current Paris year by default. */
    static Period period(RoutingContext rc, Clock clock) {
        String year = rc.queryParams().get("year");
        if (year != null && !year.isBlank()) {
            if (!year.strip().matches("\\d{4}")) {
                throw ApiError.badRequest("Année invalide : quatre chiffres attendus (par exemple 2026).");
            }
            LocalDate first = LocalDate.of(Integer.parseInt(year.strip()), 1, 1);
            return new Period(first, first.withDayOfYear(first.lengthOfYear()));
        }
        LocalDate today = LocalDate.now(clock.withZone(BilanQueries.PARIS));
        LocalDate from = Requests.day(rc, "from");
        LocalDate to = Requests.day(rc, "to");
        from = from == null ? today.withDayOfYear(1) : from;
        to = to == null ? today : to;
        if (to.isBefore(from)) {
            throw ApiError.badRequest("La fin de la période précède son début : choisissez un « au » après le « du ».");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiError.badRequest("La période ne peut dépasser cinq ans.");
        }
        return new Period(from, to);
    }

    /** The scope asked for ({@code territory=ID}, or none: the region or the coordinator's own territories), checked. */
    private Future<Scope> scope(RoutingContext rc, Viewer v) {
        String territory = rc.queryParams().get("territory");
        if (territory != null && !territory.isBlank()) {
            if (!v.inTerritory(territory)) {
                return Future.failedFuture(new ApiError(403, "forbidden", "Ce territoire n’est pas le vôtre : son bilan est réservé à ses coordinateur·rices."));
            }
            return db.query(tx -> tx.resultQuery("select name from territory where id = ?", territory).fetchOne(0, String.class))
                    .compose(name -> name == null ? Future.failedFuture(new ApiError(404, "unknown_territory", "Territoire inconnu."))
                            : Future.succeededFuture(new Scope(name, territory, List.of(territory))));
        }
        if (v.isAdmin()) {
            return Future.succeededFuture(new Scope(REGION, null, null));
        }
        Set<String> mine = new TreeSet<>(v.territoryIds());
        return db.query(tx -> tx.resultQuery("select id, name from territory order by name").fetch().stream()
                        .filter(r -> mine.contains(r.get(0, String.class))).map(r -> r.get(1, String.class)).toList())
                .map(names -> new Scope(names.isEmpty() ? "Mes territoires" : String.join(", ", names),
                        mine.size() == 1 ? mine.iterator().next() : null, new ArrayList<>(mine)));
    }

    private void json(RoutingContext rc) {
        Viewer v = reader(rc);
        Period p = period(rc, Clock.systemUTC());
        scope(rc, v).compose(s -> queries.bilan(s, p.from(), p.to()))
                .onSuccess(b -> Requests.json(rc, 200, Json.MAPPER.valueToTree(b)))
                .onFailure(rc::fail);
    }

    private void xlsx(RoutingContext rc) {
        Viewer v = reader(rc);
        Period p = period(rc, Clock.systemUTC());
        scope(rc, v).compose(s -> queries.bilan(s, p.from(), p.to()).compose(b -> queries.sessions(s, p.from(), p.to())
                        .compose(lines -> rc.vertx().executeBlocking(() -> BilanXlsx.write(b, lines), false))
                        .map(bytes -> new File(b, bytes))))
                .onSuccess(f -> send(rc, f, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .onFailure(rc::fail);
    }

    private void pdf(RoutingContext rc) {
        Viewer v = reader(rc);
        Period p = period(rc, Clock.systemUTC());
        scope(rc, v).compose(s -> queries.bilan(s, p.from(), p.to()))
                .compose(b -> rc.vertx().executeBlocking(() -> new File(b, BilanPdf.write(b)), false))
                .onSuccess(f -> send(rc, f, "pdf", "application/pdf"))
                .onFailure(rc::fail);
    }

    private void csv(RoutingContext rc) {
        Viewer v = reader(rc);
        Period p = period(rc, Clock.systemUTC());
        scope(rc, v).compose(s -> queries.bilan(s, p.from(), p.to()))
                .onSuccess(b -> send(rc, new File(b, BilanCsv.indicators(b).getBytes(StandardCharsets.UTF_8)), "csv", "text/csv; charset=utf-8"))
                .onFailure(rc::fail);
    }

    private void sessionsCsv(RoutingContext rc) {
        Viewer v = reader(rc);
        Period p = period(rc, Clock.systemUTC());
        scope(rc, v).compose(s -> queries.bilan(s, p.from(), p.to()).compose(b -> queries.sessions(s, p.from(), p.to())
                        .map(lines -> new File(b, BilanCsv.sessions(lines).getBytes(StandardCharsets.UTF_8)))))
                .onSuccess(f -> send(rc, f, "seances.csv", "text/csv; charset=utf-8"))
                .onFailure(rc::fail);
    }

    record File(Bilan bilan, byte[] bytes) {}

    /** A file name a person can file away: atelier-bilan-<territory>-<from>-<to>.<ext>, ASCII only. */
    static String fileName(Bilan b, String ext) {
        String scope = java.text.Normalizer.normalize(b.scopeName(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "atelier-bilan-" + (scope.isEmpty() ? "territoire" : scope) + "-" + b.from() + "-" + b.to() + (ext.startsWith("seances") ? "-" : ".") + ext;
    }

    private static void send(RoutingContext rc, File f, String ext, String type) {
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(f.bilan(), ext) + "\"")
                .end(Buffer.buffer(f.bytes()));
    }
}
