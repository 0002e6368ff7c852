package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario (a) and the CI smoke: the product and the bare Vert.x room ({@link BareRoom}) driven
 * alternately by the same generator, with the same pinning, JVM flags and Redis (product, bare,
 * product, bare... {@code --pairs} times), then every figure with its ratio product/bare (medians over
 * the runs of each side). Timings never fail the run; any error, lost or unacknowledged answer does.
 */
final class Compare {
    private Compare() {}

    /** A figure: its label and where it sits in a run's report. */
    private record Figure(String label, String... path) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("join all over HTTP (s)", "joins", "seconds"),
            new Figure("connect + hello all (s)", "connections", "seconds"),
            new Figure("start: every phone in ACTIVITY (ms)", "start", "allWithinMs"),
            new Figure("1st question: command -> last phone (ms)", "results", "firstRound", "commandToLastPhoneMs"),
            new Figure("1st question: facilitator ack (ms)", "results", "firstRound", "askAckMs"),
            new Figure("1st round: answer ack p99 (ms)", "results", "firstRound", "answerAckMs", "p99"),
            new Figure("later questions: command -> last phone p50 (ms)", "results", "laterRounds", "commandToLastPhoneMs", "p50"),
            new Figure("later rounds: answer ack p50 (ms)", "results", "laterRounds", "answerAckMs", "p50"),
            new Figure("later rounds: answer ack p99 (ms)", "results", "laterRounds", "answerAckMs", "p99"),
            new Figure("projector full after last ack p50 (ms)", "results", "screenAnsweredFullAfterLastAckMs", "p50"),
            new Figure("server CPU during rounds (%)", "results", "serverCpuDuringRoundsPct"),
            new Figure("server RSS with phones connected (MiB)", "memoryConnectedMiB"));

    /** Answers the exit status: 0, or 1 when a run failed its checks. */
    static int run(Options o) {
        if (o.pairs <= 0) {
            new LiveBench(o, false, false, "").run();
            return 0;
        }
        List<JsonNode> product = new ArrayList<>();
        List<JsonNode> bare = new ArrayList<>();
        int failures = 0;
        String prefix = o.scenario.equals("smoke") ? "-smoke" : "";
        for (int k = 1; k <= o.pairs; k++) {
            String suffix = prefix + (o.pairs > 1 ? "-" + k : "");
            for (boolean isBare : new boolean[] {false, true}) {
                Bench.log("=== run %d/%d: %s ===", k, o.pairs, isBare ? "bare Vert.x room" : "product");
                LiveBench run = new LiveBench(o, false, isBare, suffix);
                try {
                    run.run();
                } catch (RuntimeException e) {
                    Bench.log("run failed: %s", e.getMessage());
                    failures++;
                }
                ObjectNode root = run.lastReport;
                if (root != null && root.has("results")) { // a run that failed its checks still shows its figures
                    root.put("memoryConnectedMiB", connectedRssMiB(root));
                    (isBare ? bare : product).add(root);
                }
                Bench.stopEverything();
                Util.sleep(2000);
            }
        }
        print(o, product, bare, failures);
        return failures == 0 && Bench.UNCAUGHT.total() == 0 ? 0 : 1;
    }

    private static double connectedRssMiB(JsonNode root) {
        for (JsonNode m : root.path("memory")) {
            if (m.path("at").asText().equals("connected")) {
                return Util.round(m.path("node1").path("rssKb").asLong() / 1024.0, 1);
            }
        }
        return -1;
    }

    private static double median(List<JsonNode> runs, Figure f) {
        double[] v = runs.stream().mapToDouble(r -> {
            JsonNode n = r;
            for (String p : f.path()) {
                n = n.path(p);
            }
            return n.isNumber() ? n.asDouble() : Double.NaN;
        }).filter(d -> !Double.isNaN(d) && d >= 0).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void print(Options o, List<JsonNode> product, List<JsonNode> bare, int failures) {
        ObjectNode out = Util.JSON.createObjectNode();
        out.put("participants", o.participants);
        out.put("rounds", o.rounds);
        out.put("pairs", o.pairs);
        out.put("productRuns", product.size());
        out.put("bareRuns", bare.size());
        out.put("failedRuns", failures);
        out.put("loadAverage", Report.loadAverage());
        ArrayNode rows = out.putArray("figures");
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n== product vs bare Vert.x room: N=%d, %d round(s) per run, %d product run(s), %d bare run(s) (medians), load %s%n",
                o.participants, o.rounds, product.size(), bare.size(), Report.loadAverage()));
        table.append(String.format("%-50s %12s %12s %8s%n", "figure", "product", "bare", "ratio"));
        for (Figure f : FIGURES) {
            double p = median(product, f);
            double b = median(bare, f);
            double ratio = b >= 1 && !Double.isNaN(p) ? p / b : Double.NaN; // no ratio to a figure under 1 (ms, %, s)
            table.append(String.format("%-50s %12s %12s %8s%n", f.label(), fmt(p), fmt(b), Double.isNaN(ratio) ? "n/a" : String.format("%.2f×", ratio)));
            ObjectNode row = rows.addObject();
            row.put("figure", f.label());
            row.put("product", p);
            row.put("bare", b);
            row.put("ratio", Double.isNaN(ratio) ? -1 : Util.round(ratio, 2));
        }
        int ackFirst = 0;
        for (JsonNode r : product) {
            ackFirst += r.path("results").path("firstRound").path("facilitatorAckBeforeLastPhone").asBoolean() ? 1 : 0;
        }
        table.append(String.format("facilitator's ack of the 1st question before the last phone's view: %d of %d product run(s)%n", ackFirst, product.size()));
        table.append(failures == 0 ? "checks: 0 errors, 0 lost, 0 unacknowledged in every run (timings are reported, never judged)\n"
                : "checks: " + failures + " run(s) FAILED (see above)\n");
        System.out.print(table);
        String name = o.scenario.equals("smoke") ? "smoke-compare" : "one-session-compare";
        try {
            Files.createDirectories(o.out);
            Files.writeString(o.out.resolve(name + ".json"), Util.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
            Files.writeString(o.out.resolve(name + ".txt"), table.toString());
            Files.writeString(o.out.resolve("summary.txt"), java.time.OffsetDateTime.now() + " " + name + " " + Arrays.toString(
                    rows.findValues("ratio").stream().map(JsonNode::asText).toArray()) + " (ratios product/bare, in the order of " + name + ".txt)\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.1f", v);
    }
}
