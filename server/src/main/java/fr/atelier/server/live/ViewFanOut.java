package fr.atelier.server.live;

import com.fasterxml.jackson.databind.util.RawValue;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.SessionView;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who watches a session and what each sees: after a batch of events, each audience's view is
 * computed once (O(participants)); projector and console views are coalesced in bursts, and so are
 * views for some phones only. Runs on the session's context.
 */
final class ViewFanOut<S> {
    private static final Logger LOG = LoggerFactory.getLogger(ViewFanOut.class);
    /** Projector and console views are coalesced to at most one per this delay during bursts. */
    static final long AGGREGATE_INTERVAL_MS = 100;
    /**
     * Views for some phones only (an answer, a team's answer seen by its members) are coalesced the
     * same way: in a burst each phone gets at most one view per this delay, while the first change
     * after a quiet spell goes out at once. Room-wide changes (a question shown) are never delayed.
     */
    static final long PHONE_INTERVAL_MS = 100;

    private final String sessionId;
    private final Session<S, ?, ?> session;
    private final SessionCodec codec;
    /** The last acknowledged state and its seq: views never show what Redis has not confirmed. */
    private final Supplier<SessionState<S>> state;
    private final LongSupplier seq;
    private final Map<String, List<ViewListener>> phones = new HashMap<>();
    private final List<ViewListener> screens = new ArrayList<>();
    private final List<ViewListener> consoles = new ArrayList<>();
    private final Coalescer aggregates;
    private final Set<String> dirtyPhones = new HashSet<>();
    private final Coalescer phoneViews;

    ViewFanOut(Vertx vertx, String sessionId, Session<S, ?, ?> session, SessionCodec codec, Supplier<SessionState<S>> state,
               LongSupplier seq) {
        this.sessionId = sessionId;
        this.session = session;
        this.codec = codec;
        this.state = state;
        this.seq = seq;
        this.aggregates = new Coalescer(vertx, AGGREGATE_INTERVAL_MS, this::pushAggregates);
        this.phoneViews = new Coalescer(vertx, PHONE_INTERVAL_MS, this::pushPhones);
    }

    /** Stops the coalescing timers and forgets every listener. */
    void clear() {
        aggregates.cancel();
        phoneViews.cancel();
        dirtyPhones.clear();
        phones.clear();
        screens.clear();
        consoles.clear();
    }

    /** Adds a listener and sends it the current view at once. */
    void attach(ViewListener listener) {
        Audience a = listener.audience();
        if (a instanceof Audience.Participant p) {
            phones.computeIfAbsent(p.id(), k -> new ArrayList<>(1)).add(listener);
        } else if (a instanceof Audience.Facilitator) {
            consoles.add(listener);
        } else {
            screens.add(listener);
        }
        deliver(listener, viewFrame(a));
    }

    void detach(ViewListener listener) {
        Audience a = listener.audience();
        if (a instanceof Audience.Participant p) {
            List<ViewListener> list = phones.get(p.id());
            if (list != null) {
                list.remove(listener);
                if (list.isEmpty()) {
                    phones.remove(p.id());
                }
            }
        } else {
            consoles.remove(listener);
            screens.remove(listener);
        }
    }

    int listenerCount() {
        int n = screens.size() + consoles.size();
        for (List<ViewListener> l : phones.values()) {
            n += l.size();
        }
        return n;
    }

    private String viewFrame(Audience audience) {
        return viewFrame(audience, null);
    }

    /**
     * {@code shared}: the activity parts already written for this state. Phones often see the same
     * activity view (every phone before it answers, a team's members after a team answer): equal
     * views are written once and shared, and only each phone's own parts are written per phone.
     */
    private String viewFrame(Audience audience, Map<Object, RawValue> shared) {
        SessionView view = session.view(state.get(), audience);
        if (Session.REMOVED.equals(view.audience())) {
            return ViewListener.REMOVED_PREFIX + ",\"message\":" + Json.MAPPER.valueToTree(Session.REMOVED_MESSAGE) + "}";
        }
        if (shared != null && view.activity() != null) {
            RawValue activity = shared.computeIfAbsent(view.activity(), a -> new RawValue(codec.write(a)));
            view = new SessionView(view.audience(), view.session(), view.me(), view.participants(), view.satisfaction(), activity, view.bilan());
        }
        // "ts": server time at send, so clients (and the load benchmark) can measure delivery latency.
        return "{\"type\":\"view\",\"seq\":" + seq.getAsLong() + ",\"ts\":" + System.currentTimeMillis()
                + ",\"view\":" + codec.write(view) + "}";
    }

    /** Sends new views to the audiences these events concern. */
    void publish(List<SessionEvent> events) {
        boolean all = false;
        Set<String> touched = new HashSet<>();
        for (SessionEvent e : events) {
            Impact impact = session.impact(e);
            if (impact.allParticipants()) {
                all = true;
                break;
            }
            touched.addAll(impact.participants());
        }
        if (all) {
            publishAll();
            return;
        }
        dirtyPhones.addAll(touched);
        phonesChanged();
        aggregatesChanged();
    }

    private void phonesChanged() {
        if (!dirtyPhones.isEmpty()) {
            phoneViews.changed();
        }
    }

    private void pushPhones() {
        Map<Object, RawValue> shared = new HashMap<>();
        for (String id : dirtyPhones) {
            sendToPhone(id, shared);
        }
        dirtyPhones.clear();
    }

    /** Every audience's view may have changed. */
    void publishAll() {
        dirtyPhones.clear(); // every phone gets this state now
        Map<Object, RawValue> shared = new HashMap<>();
        for (String id : phones.keySet()) {
            sendToPhone(id, shared);
        }
        aggregatesChanged();
    }

    private void sendToPhone(String participantId, Map<Object, RawValue> shared) {
        List<ViewListener> listeners = phones.get(participantId);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        String frame = viewFrame(new Audience.Participant(participantId), shared);
        for (ViewListener l : List.copyOf(listeners)) {
            deliver(l, frame);
        }
    }

    /** One listener's failure (a socket closing right now) never stops the others' views. */
    private void deliver(ViewListener listener, String frame) {
        try {
            listener.send(frame);
        } catch (RuntimeException e) {
            LOG.atDebug().addKeyValue("session", sessionId).log("view not delivered: " + e);
        }
    }

    private void aggregatesChanged() {
        aggregates.changed();
    }

    private void pushAggregates() {
        if (!screens.isEmpty()) {
            String frame = viewFrame(Audience.PROJECTOR);
            for (ViewListener l : List.copyOf(screens)) {
                deliver(l, frame);
            }
        }
        if (!consoles.isEmpty()) {
            String frame = viewFrame(Audience.FACILITATOR);
            for (ViewListener l : List.copyOf(consoles)) {
                deliver(l, frame);
            }
        }
    }
}
