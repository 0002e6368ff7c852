package fr.atelier.bench;

/** The reconnection policy of socket.js, and where its events are counted (they are not errors). */
final class Resilience {
    final Balancer balancer;
    /** Disconnections, reconnection attempts, resends, unavailable answers... */
    final Stats.Counters events;
    long backoffBaseMs = 500;
    long backoffMaxMs = 10_000;
    int maxAttemptExponent = 10;
    long helloTimeoutMs = 20_000;

    Resilience(Balancer balancer, Stats.Counters events) {
        this.balancer = balancer;
        this.events = events;
    }
}
