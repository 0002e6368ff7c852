package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.SessionRegistry;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares sessions ahead and opens them on the day: the join code is reserved in Redis at once (so
 * no live session takes it), and the live session is created with it, its content replayed as the
 * console's own host commands. The host token is kept in Redis, never in PostgreSQL.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    /** A reserved code outlives the planned start by this much (a session opened late still works). */
    static final Duration CODE_MARGIN = Duration.ofDays(7);
    /** A plan without a date holds its code this long (then it is reclaimed when opened, if free). */
    static final Duration UNDATED_HOLD = LiveStore.ABANDONED_AFTER;
    /** Host tokens are kept as long as a live session's keys can live (decision in docs/decisions.md). */
    static final Duration HOST_TOKEN_TTL = LiveStore.ABANDONED_AFTER;

    private final LiveStore live;
    private final SessionRegistry registry;
    private final PlanningStore store;
    private final PreparedProject.Starter projects;
    private final TerritoryRecordStore record;

    public Planner(LiveStore live, SessionRegistry registry, PlanningStore store, PreparedProject.Starter projects, TerritoryRecordStore record) {
        this.record = record;
        this.live = live;
        this.registry = registry;
        this.store = store;
        this.projects = projects;
    }

    public TerritoryRecordStore record() {
        return record;
    }

    public PlanningStore store() {
        return store;
    }

    public Format<?, ?, ?> format(String id) {
        return registry.formats().find(id).orElseThrow(() -> ApiError.badRequest("Format inconnu : « " + id + " »."));
    }

    public String formatTitle(String id) {
        return registry.formats().find(id).map(Format::title).orElse(id);
    }

    /** Checks that the settings hold the format's own host commands; refuses with the reason otherwise. */
    public List<SessionCommand> commands(Format<?, ?, ?> format, JsonNode settings) {
        List<SessionCommand> out = new ArrayList<>();
        PreparedProject.of(format.id(), settings);
        JsonNode list = settings.path("commands");
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray() || list.size() > 50) {
            throw ApiError.badRequest("Les réglages attendent une liste « commands » d'au plus 50 commandes.");
        }
        SessionCodec codec = new SessionCodec(format);
        for (JsonNode c : list) {
            try {
                out.add(codec.readCommand(c));
            } catch (SessionCodec.BadCommand e) {
                throw ApiError.badRequest("Réglage refusé (" + c.path("type").asText("?") + ") : " + e.getMessage());
            }
        }
        return out;
    }

    static Duration holdFor(Instant startsAt, Instant now) {
        if (startsAt == null) {
            return UNDATED_HOLD;
        }
        Duration d = Duration.between(now, startsAt.plus(CODE_MARGIN));
        return d.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : d;
    }

    /** Reserves a fresh code for the plan in Redis, then stores the plan with it (a rare clash retries). */
    public Future<Plan> prepare(Plan draft, Instant now) {
        return prepare(draft, now, 0);
    }

    private Future<Plan> prepare(Plan draft, Instant now, int attempt) {
        String code = Tokens.joinCode();
        Plan plan = withCode(draft, code);
        return live.claimCode(code, plan.holder(), holdFor(plan.startsAt(), now)).compose(free -> {
            if (!free) {
                return attempt > 20 ? Future.failedFuture(ApiError.unavailable()) : prepare(draft, now, attempt + 1);
            }
            return store.insert(plan).map(v -> plan).recover(e -> attempt < 3 && String.valueOf(e.getMessage()).contains("planned_session_code_idx")
                    ? prepare(draft, now, attempt + 1) : Future.failedFuture(e));
        });
    }

    private static Plan withCode(Plan p, String code) {
        return new Plan(p.id(), code, p.format(), p.title(), p.startsAt(), p.place(), p.territoryId(), p.publics(), p.partners(),
                p.settings(), p.creatorId(), p.facilitatorIds(), p.createdAt(), null, null, Plan.Status.PREPARED);
    }

    /** What the console needs: the code and the host token (kept in Redis for the live retention). */
    public record Opened(String code, String hostToken, PreparedProject.Starter.Started project) {}

    /**
     * Opens the plan's live session, or finds the one already opened (another browser, a
     * co-facilitator). The reserved code goes to the live session; the content is replayed as host.
     */
    public Future<Opened> open(Plan plan, Instant now) {
        if (plan.sessionId() != null) {
            return hostToken(plan).map(t -> new Opened(plan.code(), t, null));
        }
        Format<?, ?, ?> format = format(plan.format());
        List<SessionCommand> commands = commands(format, plan.settings());
        PreparedProject project = PreparedProject.of(format.id(), plan.settings());
        return registry.create(format, plan.title(), plan.code(), plan.holder())
                .recover(e -> "code_lost".equals(e.getMessage()) ? reclaim(plan, format) : Future.failedFuture(e))
                .compose(created -> live.keep(tokenKey(plan.id()), created.hostToken(), HOST_TOKEN_TTL)
                        .compose(v -> store.opened(plan.id(), created.sessionId(), now))
                        .compose(v -> startProject(plan, format, project))
                        .compose(started -> {
                            List<SessionCommand> all = new ArrayList<>(commands);
                            if (started != null) {
                                all.add(0, started.command());
                            }
                            return frame(plan, created.sessionId()).compose(x -> replay(created.sessionId(), all, 0)).map(v -> {
                                LOG.atInfo().addKeyValue("plan", plan.id()).addKeyValue("session", created.sessionId())
                                        .addKeyValue("code", plan.code()).log("prepared session opened");
                                return new Opened(plan.code(), created.hostToken(), started == null ? null : started.started());
                            });
                        }));
    }

    /** The prepared Dessine-moi project, created now; on failure the session opens without it (set in the console). */
    private record StartedProject(PreparedProject.Starter.Started started, SessionCommand command) {}

    private Future<StartedProject> startProject(Plan plan, Format<?, ?, ?> format, PreparedProject project) {
        if (project == null) {
            return Future.succeededFuture();
        }
        return projects.start(plan, project).compose(started -> {
            try {
                return Future.succeededFuture(new StartedProject(started, new SessionCodec(format).readCommand(started.useProject())));
            } catch (SessionCodec.BadCommand e) {
                return Future.failedFuture(e);
            }
        }).recover(e -> {
            LOG.atWarn().addKeyValue("plan", plan.id()).log("prepared project not created at opening: " + e.getMessage());
            return Future.succeededFuture();
        });
    }

    /**
     * The handover failed: another browser opened it meanwhile (its token appears), or the
     * reservation expired (taken back if still free).
     */
    private Future<SessionRegistry.Created> reclaim(Plan plan, Format<?, ?, ?> format) {
        return live.sessionIdForCode(plan.code()).compose(holder -> {
            if (holder == null) {
                return live.claimCode(plan.code(), plan.holder(), Duration.ofHours(1))
                        .compose(ok -> ok ? registry.create(format, plan.title(), plan.code(), plan.holder()) : lost());
            }
            if (holder.startsWith("s_")) {
                return Future.failedFuture(new ApiError(409, "already_opened",
                        "Cette séance vient d'être ouverte depuis un autre navigateur : rechargez la page."));
            }
            return lost();
        });
    }

    private static <T> Future<T> lost() {
        return Future.failedFuture(new ApiError(409, "code_lost",
                "Le code de cette séance a expiré et a été repris : dupliquez la séance pour en obtenir un nouveau."));
    }

    /**
     * Issue 18: the territory's structures (professionals' sessions) and impact questions, given to the
     * live session by the server itself; on failure the session opens without them (logged).
     */
    private Future<Void> frame(Plan plan, String sessionId) {
        return record.frame(plan).compose(frame -> frame == null ? Future.<Void>succeededFuture()
                : registry.byId(sessionId).compose(h -> h.submit(Actor.SYSTEM, "plan:frame", frame)).map(outcome -> {
                    if (!outcome.accepted()) {
                        LOG.atWarn().addKeyValue("session", sessionId).log("session frame refused: " + outcome.message());
                    }
                    return (Void) null;
                })).recover(e -> {
                    LOG.atWarn().addKeyValue("plan", plan.id()).log("session frame not given at opening: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<Void> replay(String sessionId, List<SessionCommand> commands, int i) {
        if (i >= commands.size()) {
            return Future.succeededFuture();
        }
        return registry.byId(sessionId)
                .compose(h -> h.submit(new Actor.Facilitator(), "plan:" + i, commands.get(i)))
                .compose(outcome -> {
                    if (!outcome.accepted()) {
                        // The session is open anyway: the facilitator finishes the set-up in the console.
                        LOG.atWarn().addKeyValue("session", sessionId).addKeyValue("code", outcome.code())
                                .log("prepared setting refused at opening: " + outcome.message());
                    }
                    return replay(sessionId, commands, i + 1);
                });
    }

    /**
     * A quick session created by a signed-in person belongs to them and their (first) territory: it
     * is recorded like a plan opened at once, its host token kept like a plan's.
     */
    public Future<Void> adopt(Viewer v, SessionRegistry.Created created, String format, String title, Instant now) {
        String territory = v.territoryIds().stream().sorted().findFirst().orElse(null);
        Plan p = new Plan(Tokens.id("pl_"), created.code(), format, title == null || title.isBlank() ? formatTitle(format) : title.strip(),
                now, null, territory, "", "", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), v.id(),
                List.of(), now, created.sessionId(), now, Plan.Status.LIVE);
        return live.keep(tokenKey(p.id()), created.hostToken(), HOST_TOKEN_TTL).compose(x -> store.adopt(p));
    }

    /** The kept host token of an opened plan; 410 once it expired with the live session. */
    public Future<String> hostToken(Plan plan) {
        return live.kept(tokenKey(plan.id())).compose(t -> t != null ? Future.succeededFuture(t)
                : Future.failedFuture(new ApiError(410, "console_expired",
                        "La console de cette séance n'est plus disponible : la séance est terminée et archivée ; consultez sa synthèse.")));
    }

    /** The raw holder of a code in Redis ("plan:…" for a prepared session not opened yet). */
    public Future<String> holderOf(String code) {
        return live.sessionIdForCode(code);
    }

    static String tokenKey(String planId) {
        return "plan:" + planId + ":host";
    }
}
