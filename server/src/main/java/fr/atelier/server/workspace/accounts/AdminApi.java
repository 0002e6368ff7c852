package fr.atelier.server.workspace.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.workspace.Audit;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The administrators' API: territories and their SSO domains, people (invite, disable, reset link). One audit line per change. */
public final class AdminApi {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    private final AccountStore accounts;
    private final Invitations invitations;
    private final Mailer mailer;
    private final Audit audit;
    private final WebSessions sessions;
    private final Function<RoutingContext, String> baseUrl;

    public AdminApi(AccountStore accounts, Invitations invitations, Mailer mailer, Audit audit, WebSessions sessions,
                    Function<RoutingContext, String> baseUrl) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.mailer = mailer;
        this.audit = audit;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
    }

    public void mount(Router router) {
        router.route("/api/admin/*").handler(sessions.requireRole(Role.ADMIN));
        router.get("/api/admin/territories").handler(rc -> accounts.territories()
                .onSuccess(ts -> AuthApi.json(rc, 200, territories(ts))).onFailure(rc::fail));
        router.post("/api/admin/territories").handler(this::createTerritory);
        router.put("/api/admin/territories/:id").handler(this::updateTerritory);
        router.get("/api/admin/people").handler(rc -> accounts.people().onSuccess(ps -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (AccountStore.Person p : ps) {
                ObjectNode n = AuthApi.json(p.account());
                n.put("disabled", p.disabled()).put("hasPassword", p.hasPassword());
                out.add(n);
            }
            AuthApi.json(rc, 200, out);
        }).onFailure(rc::fail));
        router.get("/api/admin/invitations").handler(rc -> invitations.pending().onSuccess(ps -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (Invitations.Pending p : ps) {
                ObjectNode n = out.addObject().put("email", p.email()).put("role", p.role().dbName()).put("expiresAt", p.expiresAt().toInstant().toString());
                p.territoryIds().forEach(n.putArray("territoryIds")::add);
            }
            AuthApi.json(rc, 200, out);
        }).onFailure(rc::fail));
        router.post("/api/admin/invitations").handler(this::invite);
        router.post("/api/admin/people/:id/disable").handler(this::disable);
        router.post("/api/admin/people/:id/reset").handler(this::reset);
    }

    private static Account me(RoutingContext rc) {
        return WebSessions.current(rc).orElseThrow();
    }

    private void createTerritory(RoutingContext rc) {
        JsonNode body = AuthApi.body(rc);
        String name = name(body);
        List<String> domains = domains(body);
        accounts.createTerritory(name, domains)
                .recover(e -> Future.failedFuture(conflict(e, "Un territoire porte déjà ce nom, ou l'un de ces domaines est déjà pris.")))
                .compose(t -> audit.record(me(rc).id(), "territory.created", t.id(), t.name() + " " + String.join(",", t.domains())).map(v -> t))
                .onSuccess(t -> AuthApi.json(rc, 201, territory(t))).onFailure(rc::fail);
    }

    private void updateTerritory(RoutingContext rc) {
        JsonNode body = AuthApi.body(rc);
        String id = rc.pathParam("id");
        String name = name(body);
        List<String> domains = domains(body);
        accounts.updateTerritory(id, name, domains)
                .recover(e -> Future.failedFuture(conflict(e, "Un territoire porte déjà ce nom, ou l'un de ces domaines est déjà pris.")))
                .compose(found -> found ? audit.record(me(rc).id(), "territory.updated", id, name + " " + String.join(",", domains))
                        : Future.failedFuture(new ApiError(404, "not_found", "Ce territoire n'existe pas.")))
                .onSuccess(v -> AuthApi.json(rc, 200, territory(new Territory(id, name.trim(), domains)))).onFailure(rc::fail);
    }

    /** Invites someone; answers the one-time link when it was not sent by e-mail (for the administrator to pass on). */
    private void invite(RoutingContext rc) {
        JsonNode body = AuthApi.body(rc);
        String email = AccountStore.normaliseEmail(AuthApi.text(body, "email", 254));
        if (!EMAIL.matcher(email).matches()) {
            throw ApiError.badRequest("Adresse e-mail invalide.");
        }
        Role role = Role.of(AuthApi.text(body, "role", 20));
        if (role == null) {
            throw ApiError.badRequest("Rôle inconnu : animateur·rice (facilitator), coordinateur·rice (coordinator) ou administrateur·rice (admin).");
        }
        Set<String> wanted = new LinkedHashSet<>();
        JsonNode ts = body.get("territoryIds");
        if (ts != null && ts.isArray()) {
            ts.forEach(t -> wanted.add(t.asText()));
        }
        if (role != Role.ADMIN && wanted.isEmpty()) {
            throw ApiError.badRequest("Choisissez au moins un territoire pour cette personne.");
        }
        String by = me(rc).id();
        accounts.territories().compose(all -> {
            Set<String> known = new LinkedHashSet<>();
            all.forEach(t -> known.add(t.id()));
            if (!known.containsAll(wanted)) {
                return Future.failedFuture(ApiError.badRequest("Territoire inconnu."));
            }
            return invitations.create(Invitations.Kind.INVITE, email, role, List.copyOf(wanted), by);
        }).compose(token -> {
            String link = baseUrl.apply(rc) + Invitations.PAGE + "#t=" + token;
            Future<Boolean> sent = mailer.enabled()
                    ? mailer.sendLink(Invitations.Kind.INVITE, email, role, link).map(true).recover(e -> Future.succeededFuture(false))
                    : Future.succeededFuture(false);
            return sent.compose(ok -> audit.record(by, "account.invited", email, "rôle " + role.dbName() + (ok ? ", lien envoyé par e-mail" : ", lien à transmettre"))
                    .map(v -> {
                        ObjectNode out = Json.MAPPER.createObjectNode();
                        out.put("email", email).put("role", role.dbName()).put("sent", ok);
                        if (!ok) {
                            out.put("link", link);
                        }
                        return out;
                    }));
        }).onSuccess(out -> AuthApi.json(rc, 201, out)).onFailure(rc::fail);
    }

    private void disable(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (id.equals(me(rc).id())) {
            throw ApiError.badRequest("Vous ne pouvez pas désactiver votre propre compte.");
        }
        accounts.disable(id).compose(done -> done ? audit.record(me(rc).id(), "account.disabled", id, null)
                        : Future.failedFuture(new ApiError(404, "not_found", "Ce compte n'existe pas ou est déjà désactivé.")))
                .onSuccess(v -> AuthApi.json(rc, 200, Json.MAPPER.createObjectNode().put("disabled", true))).onFailure(rc::fail);
    }

    private void reset(RoutingContext rc) {
        String id = rc.pathParam("id");
        accounts.byId(id).compose(a -> a == null ? Future.failedFuture(new ApiError(404, "not_found", "Ce compte n'existe pas ou est désactivé."))
                : invitations.create(Invitations.Kind.RESET, a.email(), a.role(), List.copyOf(a.territoryIds()), me(rc).id()).compose(token -> {
                    String link = baseUrl.apply(rc) + Invitations.PAGE + "#t=" + token;
                    Future<Boolean> sent = mailer.enabled()
                            ? mailer.sendLink(Invitations.Kind.RESET, a.email(), a.role(), link).map(true).recover(e -> Future.succeededFuture(false))
                            : Future.succeededFuture(false);
                    return sent.compose(ok -> audit.record(me(rc).id(), "account.reset_link", a.email(), ok ? "envoyé par e-mail" : "à transmettre")
                            .map(v -> {
                                ObjectNode out = Json.MAPPER.createObjectNode().put("email", a.email()).put("sent", ok);
                                if (!ok) {
                                    out.put("link", link);
                                }
                                return out;
                            }));
                })).onSuccess(out -> AuthApi.json(rc, 201, out)).onFailure(rc::fail);
    }

    private static String name(JsonNode body) {
        String name = AuthApi.text(body, "name", 120).trim();
        if (name.isEmpty()) {
            throw ApiError.badRequest("Donnez un nom au territoire.");
        }
        return name;
    }

    private static List<String> domains(JsonNode body) {
        List<String> out = new ArrayList<>();
        JsonNode ds = body.get("domains");
        if (ds != null && ds.isArray()) {
            for (JsonNode d : ds) {
                String dom = AccountStore.normaliseEmail(d.asText()).replaceFirst("^@", "");
                if (dom.isEmpty()) {
                    continue;
                }
                if (dom.length() > 200 || !DOMAIN.matcher(dom).matches()) {
                    throw ApiError.badRequest("Domaine e-mail invalide : « " + dom + " » (exemple : cio-dreux.fr).");
                }
                if (!out.contains(dom)) {
                    out.add(dom);
                }
            }
        }
        return out;
    }

    private static Throwable conflict(Throwable e, String message) {
        // 23505: unique_violation (a name or domain already taken); anything else is not the caller's doing.
        return e instanceof org.jooq.exception.DataAccessException d && "23505".equals(d.sqlState()) ? new ApiError(409, "conflict", message) : e;
    }

    private static ArrayNode territories(List<Territory> ts) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        ts.forEach(t -> out.add(territory(t)));
        return out;
    }

    static ObjectNode territory(Territory t) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("id", t.id()).put("name", t.name());
        t.domains().forEach(n.putArray("domains")::add);
        if (!n.has("domains")) {
            n.putArray("domains");
        }
        return n;
    }
}
