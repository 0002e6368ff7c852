package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child process of scenario (b): holds up to a few thousand idle participant connections from one source
 * address, with the normal heartbeat. Talks to the parent on stdin/stdout, one line each:
 * it prints {@code PROGRESS n}, {@code READY ok failed seconds} and {@code STATS {json}}; it reads
 * {@code STATS} and {@code STOP}; end of input means stop too (the parent died).
 */
final class IdleWorker {
    private IdleWorker() {}

    static void main(String[] argv) throws IOException {
        String host = "127.0.0.1";
        int port = 0;
        String local = null;
        Path tokens = null;
        int pingSec = 20;
        int concurrency = 200;
        int waitSec = 60;
        int loops = 2;
        for (int i = 0; i < argv.length - 1; i += 2) {
            String v = argv[i + 1];
            switch (argv[i]) {
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--local" -> local = v.equals("none") ? null : v;
                case "--tokens" -> tokens = Path.of(v);
                case "--ping" -> pingSec = Integer.parseInt(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--wait" -> waitSec = Integer.parseInt(v);
                case "--event-loops" -> loops = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown worker option " + argv[i]);
            }
        }
        List<String[]> list = new ArrayList<>();
        for (String line : Files.readAllLines(tokens)) {
            if (!line.isBlank()) {
                list.add(line.trim().split(" "));
            }
        }
        Options o = new Options();
        o.eventLoops = loops;
        o.host = host;
        Gen gen = new Gen(o, local, false);
        Stats.Counters errors = new Stats.Counters();
        int n = list.size();
        Conn[] conns = new Conn[n];
        Stats.Samples helloLat = new Stats.Samples();
        long pingMs = pingSec * 1000L;
        Random random = new Random();
        String h = host;
        int p = port;
        long helloTimeout = waitSec * 1000L;
        long t0 = System.nanoTime();
        Future<Void> all = Util.runAll(gen.ctxs, n, concurrency, i -> {
            Conn c = new Conn(i, "participant", gen.ctx(i), errors);
            conns[i] = c;
            long s0 = System.nanoTime();
            return c.open(gen.vertx, gen.ws, h, p, list.get(i)[0], list.get(i)[1], helloTimeout)
                    .onSuccess(x -> {
                        helloLat.add((System.nanoTime() - s0) / 1000);
                        // the browser's heartbeat: {"type":"ping"} every 20 s, first one at a random offset
                        gen.vertx.setPeriodic(1 + random.nextInt((int) pingMs), pingMs, t -> c.ping());
                    })
                    .onFailure(e -> errors.inc("hello_failed"));
        });
        long[] lastProgress = {0};
        long progressTimer = gen.vertx.setPeriodic(2000, t -> {
            int open = 0;
            for (Conn c : conns) {
                if (c != null && c.open()) {
                    open++;
                }
            }
            if (open != lastProgress[0]) {
                lastProgress[0] = open;
                say("PROGRESS " + open);
            }
        });
        all.await();
        gen.vertx.cancelTimer(progressTimer);
        int ok = 0;
        for (Conn c : conns) {
            if (c != null && c.open()) {
                ok++;
            }
        }
        say("READY " + ok + " " + (n - ok) + " " + Util.round((System.nanoTime() - t0) / 1e9, 3));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.equals("STATS")) {
                ObjectNode s = Util.JSON.createObjectNode();
                int open = 0;
                long pings = 0;
                long pongs = 0;
                long views = 0;
                long regressions = 0;
                for (Conn c : conns) {
                    if (c == null) {
                        continue;
                    }
                    if (c.open()) {
                        open++;
                    }
                    pings += c.pings;
                    pongs += c.pongs;
                    views += c.views;
                    regressions += c.seqRegressions;
                }
                s.put("attempted", n);
                s.put("open", open);
                s.put("pingsSent", pings);
                s.put("pongsReceived", pongs);
                s.put("views", views);
                s.put("seqRegressions", regressions);
                s.set("connectAndHelloMs", Stats.summaryMs(helloLat));
                s.set("errors", errors.toJson());
                s.put("rssKb", rss());
                say("STATS " + s);
            } else if (line.equals("STOP")) {
                break;
            }
        }
        for (Conn c : conns) {
            if (c != null) {
                c.ctx.runOnContext(v -> c.close());
            }
        }
        Util.sleep(1000);
        gen.close();
        say("BYE");
        System.exit(0);
    }

    private static long rss() {
        String v = Report.procSelf("VmRSS");
        try {
            return Long.parseLong(v.replace("kB", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
