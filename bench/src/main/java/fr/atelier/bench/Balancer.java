package fr.atelier.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer in front of the nodes, as {@code deploy/nginx.conf} sets it up: a connection that
 * cannot reach its node goes to the next one at once ({@code proxy_next_upstream error}), and a node
 * that failed is skipped for {@code fail_timeout} ({@code max_fails=1 fail_timeout=5s}). There is no
 * balancer process here: each client tries the ports in the order this gives.
 */
final class Balancer {
    private final int[] ports;
    private final long[] downUntilNs;
    private final long failTimeoutNs;

    Balancer(int[] ports, long failTimeoutMs) {
        this.ports = ports.clone();
        this.downUntilNs = new long[ports.length];
        this.failTimeoutNs = failTimeoutMs * 1_000_000L;
    }

    /** The ports to try for one connection: the preferred node first unless it is marked down, then the others. */
    synchronized int[] order(int preferred) {
        long now = System.nanoTime();
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] == preferred) {
                start = i;
            }
        }
        for (int k = 0; k < ports.length; k++) {
            int i = (start + k) % ports.length;
            (downUntilNs[i] - now > 0 ? down : up).add(ports[i]);
        }
        up.addAll(down); // all down: nginx tries them anyway
        return up.stream().mapToInt(Integer::intValue).toArray();
    }

    synchronized void failed(int port) {
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] == port) {
                downUntilNs[i] = System.nanoTime() + failTimeoutNs;
            }
        }
    }
}
