package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Optional CPU profile of a node ({@code --profile}): Java Flight Recorder during the measured phase,
 * summarised as the hottest methods (leaf, first Atelier frame, inclusive). JFR's sampling costs about 1%.
 */
final class Profile {
    private Profile() {}

    /** Summarises the execution samples of a recording with {@code jfr print}. */
    static ObjectNode summarize(Path recording) {
        ObjectNode out = Util.JSON.createObjectNode();
        out.put("recording", recording.toString());
        String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
        if (!new File(jfr).canExecute() || !recording.toFile().isFile()) {
            out.put("error", "no jfr tool or no recording");
            return out;
        }
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> atelier = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try {
            Process p = new ProcessBuilder(jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean inStack = false;
                List<String> frames = new ArrayList<>();
                while ((line = in.readLine()) != null) {
                    String t = line.trim();
                    if (t.startsWith("sampledThread = ")) {
                        String name = t.substring("sampledThread = ".length());
                        int q = name.indexOf('"', 1);
                        name = q > 0 ? name.substring(1, q) : name;
                        threads.merge(name.replaceAll("-?\\d+$", ""), 1, Integer::sum);
                    } else if (t.startsWith("stackTrace = [")) {
                        inStack = true;
                        frames.clear();
                    } else if (inStack && t.equals("]")) {
                        inStack = false;
                        samples++;
                        if (!frames.isEmpty()) {
                            leaf.merge(frames.get(0), 1, Integer::sum);
                        }
                        Set<String> seen = new HashSet<>();
                        boolean foundAtelier = false;
                        for (String f : frames) {
                            if (seen.add(f)) {
                                inclusive.merge(f, 1, Integer::sum);
                            }
                            if (!foundAtelier && f.startsWith("fr.atelier.")) {
                                atelier.merge(f, 1, Integer::sum);
                                foundAtelier = true;
                            }
                        }
                    } else if (inStack && !t.equals("...")) {
                        int l = t.indexOf(" line:");
                        frames.add(l > 0 ? t.substring(0, l) : t);
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            out.put("error", e.toString());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.put("samples", samples);
        out.set("threads", top(threads, 10, samples));
        out.set("topLeafMethods", top(leaf, 25, samples));
        out.set("topFirstAtelierFrames", top(atelier, 25, samples));
        out.set("topInclusiveMethods", top(inclusive, 40, samples));
        return out;
    }

    private static ArrayNode top(Map<String, Integer> counts, int n, int total) {
        ArrayNode a = Util.JSON.createArrayNode();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(n).forEach(e -> {
            ObjectNode o = a.addObject();
            o.put("method", e.getKey());
            o.put("samples", e.getValue());
            o.put("pct", total == 0 ? 0 : Util.round(100.0 * e.getValue() / total, 1));
        });
        return a;
    }
}
