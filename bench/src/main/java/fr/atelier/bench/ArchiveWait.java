package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The end of (a), (c), (d) and (e): the archive to PostgreSQL after {@code session.end}, waited for and timed. */
final class ArchiveWait {
    private ArchiveWait() {}

    /**
     * After session.end the owner archives the session to PostgreSQL (replaying its whole event log).
     * Waits for it (bounded), so that no archive is left pending for other nodes on this Redis, and
     * probes /health/live on every node meanwhile to see whether the archive holds an event loop.
     */
    static ObjectNode await(Options o, List<Node> nodes, String code, long endAckUs) {
        ObjectNode a = Util.JSON.createObjectNode();
        long t0 = System.nanoTime();
        long deadline = t0 + o.archiveWaitSec * 1_000_000_000L;
        long maxProbeNs = 0;
        int slowProbes = 0;
        Long at = null;
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                long p0 = System.nanoTime();
                n.httpGet("/health/live", 60_000);
                long d = System.nanoTime() - p0;
                maxProbeNs = Math.max(maxProbeNs, d);
                if (d > 100_000_000L) {
                    slowProbes++;
                }
            }
            at = MiniRedis.archivedAt(o.redisUrl, code);
            if (at != null) {
                break;
            }
            Util.sleep(200);
        }
        a.put("completed", at != null);
        a.put("secondsAfterEndAck", at == null ? -1 : Util.round((at - endAckUs / 1000) / 1000.0, 2));
        a.put("waitedSeconds", Util.round((System.nanoTime() - t0) / 1e9, 1));
        a.put("maxHealthLiveMsDuringArchive", Util.round(maxProbeNs / 1e6, 1));
        a.put("healthLiveProbesOver100ms", slowProbes);
        Bench.log("archive %s %.1f s after session.end; /health/live took up to %.0f ms meanwhile",
                at != null ? "done" : "NOT done", at == null ? -1.0 : (at - endAckUs / 1000) / 1000.0, maxProbeNs / 1e6);
        return a;
    }
}
