package fr.atelier.server.http;

import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.CoordinationReport;
import fr.atelier.server.live.Synthesis;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The coordinators' space: activity report over archived sessions, each session's synthesis, CSV. */
public final class CoordinationApi {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

    private final CoordinationReport report;
    private final ArchiveReader archive;

    private final java.util.function.Function<fr.atelier.server.live.Synthesis, String> csvOfSession;
    private final JoinGuard guard;

    public CoordinationApi(CoordinationReport report, ArchiveReader archive,
                           java.util.function.Function<fr.atelier.server.live.Synthesis, String> csvOfSession, JoinGuard guard) {
        this.csvOfSession = csvOfSession;
        this.guard = guard;
        this.report = report;
        this.archive = archive;
    }

    public void mount(Router router) {
        router.get("/api/coordination/report").handler(rc -> authorised(rc)
                .compose(v -> report.report(Requests.day(rc, "from"), Requests.day(rc, "to")))
                .onSuccess(r -> Requests.json(rc, 200, Json.MAPPER.valueToTree(r))).onFailure(rc::fail));
        router.get("/api/coordination/report.csv").handler(rc -> authorised(rc)
                .compose(v -> report.report(Requests.day(rc, "from"), Requests.day(rc, "to")))
                .onSuccess(r -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"atelier-bilan-activite.csv\"")
                        .end(csv(r)))
                .onFailure(rc::fail));
        router.get("/api/coordination/sessions/:code/synthesis").handler(rc -> archived(rc)
                .onSuccess(s -> Requests.json(rc, 200, Json.MAPPER.valueToTree(s))).onFailure(rc::fail));
        router.get("/api/coordination/sessions/:code/export.csv").handler(rc -> archived(rc)
                .onSuccess(s -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"atelier-" + s.code() + ".csv\"")
                        .end(csvOfSession.apply(s)))
                .onFailure(rc::fail));
    }

    private Future<fr.atelier.server.live.Synthesis> archived(RoutingContext rc) {
        return authorised(rc).compose(v -> {
            String code = Tokens.normaliseCode(rc.pathParam("code"));
            if (code == null) {
                return Future.failedFuture(ApiError.unknownSession());
            }
            return archive.synthesisForCoordinator(code);
        }).compose(s -> s == null ? Future.failedFuture(ApiError.unknownSession()) : Future.succeededFuture(s));
    }

    private Future<Void> authorised(RoutingContext rc) {
        String key = Requests.bearer(rc);
        if (key == null) {
            return Future.failedFuture(new ApiError(401, "unauthorized", "Clé de l'espace coordination requise."));
        }
        // The key may be one an administrator chose: wrong ones are misses for the address (decision 24).
        JoinGuard.Guess guess = guard.secret(guard.address(rc.request().remoteAddress(), rc.request().headers()));
        if (!guess.allowed()) {
            return Future.failedFuture(guess.refusal());
        }
        return report.authorised(key).compose(ok -> {
            if (!ok) {
                return Future.failedFuture(new ApiError(401, "unauthorized", "Clé de l'espace coordination invalide."));
            }
            guess.passed();
            return Future.succeededFuture();
        });
    }


    static String csv(CoordinationReport.Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Bilan d'activité", "Du", r.from() == null ? "" : r.from().toString(), "Au", r.to() == null ? "" : r.to().toString()));
        rows.add(List.of());
        rows.add(List.of("Animation", "Sessions", "Participants", "Réponses au questionnaire", "Satisfaction moyenne (sur 5)"));
        for (CoordinationReport.Total t : r.byFormat()) {
            rows.add(totalRow(t));
        }
        rows.add(totalRow(r.overall()));
        rows.add(List.of());
        rows.add(List.of("Code", "Titre", "Animation", "Date", "Participants", "Réponses", "Satisfaction"));
        for (CoordinationReport.Row s : r.sessions()) {
            rows.add(List.of(s.code(), s.title(), s.formatTitle(), DAY.format(s.createdAt()), Integer.toString(s.participants()),
                    Integer.toString(s.ratings()), decimal(s.satisfaction())));
        }
        return CsvExport.write(rows);
    }

    private static List<String> totalRow(CoordinationReport.Total t) {
        return List.of(t.formatTitle(), Integer.toString(t.sessions()), Integer.toString(t.participants()),
                Integer.toString(t.ratings()), decimal(t.satisfaction()));
    }

    private static String decimal(java.math.BigDecimal d) {
        return d == null ? "" : d.toPlainString().replace('.', ',');
    }
}
