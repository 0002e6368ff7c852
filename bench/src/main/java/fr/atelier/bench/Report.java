package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The result file of one scenario: what ran, where, with which figures. */
final class Report {
    final ObjectNode root = Util.JSON.createObjectNode();
    private final Options o;
    private final String scenario;

    Report(Options o, String scenario) {
        this.o = o;
        this.scenario = scenario;
        root.put("scenario", scenario);
        root.put("date", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        root.put("command", o.command != null ? o.command
                : "java -jar bench/target/atelier-bench.jar " + String.join(" ", o.args));
        root.put("javaCommandLine", ProcessHandle.current().info().commandLine().orElse("?"));
        root.set("machine", machine());
        root.set("serverJar", jarIdentity(o.jar));
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        ObjectNode gen = root.putObject("generator");
        gen.put("cpusAllowed", procSelf("Cpus_allowed_list"));
        gen.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        gen.put("eventLoops", o.eventLoops);
        gen.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        ObjectNode services = root.putObject("services");
        services.put("redis", o.redisUrl);
        services.put("database", o.databaseUrl.replaceAll("//([^:@/]+):[^@/]+@", "//$1:***@"));
        services.put("redisAppendonly", MiniRedis.config(o.redisUrl, "appendonly"));
        services.put("redisAppendfsync", MiniRedis.config(o.redisUrl, "appendfsync"));
        List<String[]> pending = MiniRedis.pendingArchives(o.redisUrl);
        services.put("archivesPendingAtStart", pending.size());
        if (!pending.isEmpty()) {
            // any node archives pending sessions (replaying their whole log on an event loop): it disturbs the run
            Bench.log("warning: %d session(s) wait in atelier:archive:pending; the nodes started here will archive them", pending.size());
        }
        root.put("loadAverageAtStart", loadAverage());
    }

    /** Which build was measured: the jar's size, modification time and SHA-256 (the tree changes under us). */
    static ObjectNode jarIdentity(String jar) {
        ObjectNode n = Util.JSON.createObjectNode();
        Path p = Path.of(jar);
        n.put("path", jar);
        try {
            n.put("bytes", Files.size(p));
            n.put("modified", Files.getLastModifiedTime(p).toInstant().toString());
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (java.io.InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) {
                    sha.update(buf, 0, r);
                }
            }
            n.put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            n.put("error", e.toString());
        }
        return n;
    }

    static ObjectNode machine() {
        ObjectNode m = Util.JSON.createObjectNode();
        int cpus = 0;
        String model = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("processor")) {
                    cpus++;
                } else if (line.startsWith("model name") && model.equals("?")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        m.put("nproc", cpus);
        m.put("cpuModel", model);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    m.put("memoryMb", kb / 1024);
                }
            }
            m.put("kernel", Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** A memory and CPU sample of every node and of the generator, labelled with the phase it ends. */
    static ObjectNode memory(List<Node> nodes, String label) {
        ObjectNode m = Util.JSON.createObjectNode();
        m.put("at", label);
        for (Node n : nodes) {
            ObjectNode x = m.putObject(n.name);
            x.put("alive", n.alive());
            x.put("rssKb", n.rssKb());
            x.put("cpuMs", n.cpuMs());
            x.put("runQueueWaitMs", n.runQueueWaitMs());
            x.put("fds", n.fdCount());
            x.put("threads", n.threads());
        }
        m.put("generatorCpuMs", Util.selfCpuMs());
        m.put("generatorRunQueueWaitMs", Node.runQueueWaitMs(ProcessHandle.current().pid()));
        m.put("loadAverage", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String procSelf(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return line.substring(key.length() + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "?";
    }

    void nodes(List<Node> nodes) {
        var arr = root.putArray("nodes");
        for (Node n : nodes) {
            arr.add(n.describe());
        }
    }

    /** A scenario's measuring part; it starts its nodes and generator itself, so a failed start is reported too. */
    interface Body {
        String run(ObjectNode root);
    }

    /**
     * Runs a scenario: the body, then, whatever happened, the nodes' log summaries and the error
     * counters (and {@code more}), the generator closed, the nodes stopped, the report written; a
     * failure is recorded as the summary and rethrown.
     */
    void run(List<Node> nodes, Stats.Counters errors, Supplier<Gen> gen, Body body, Consumer<ObjectNode> more) {
        String summary;
        RuntimeException failure = null;
        try {
            summary = body.run(root);
        } catch (RuntimeException e) {
            Bench.log("%s failed: %s", scenario, e);
            root.put("failure", String.valueOf(e));
            summary = scenario + " FAILED: " + e.getMessage();
            failure = e;
        } finally {
            ArrayNode logs = root.putArray("serverLogs");
            for (Node n : nodes) {
                logs.add(n.logSummary());
            }
            root.set("errors", errors.toJson());
            more.accept(root);
            Gen g = gen.get();
            if (g != null) {
                g.close();
            }
            for (Node n : nodes) {
                n.close();
            }
        }
        write(summary);
        if (failure != null) {
            throw failure;
        }
    }

    /** Writes {@code <out>/<scenario>.json} and appends the one-line summary to {@code <out>/summary.txt}. */
    void write(String summaryLine) {
        root.put("loadAverageAtEnd", loadAverage());
        root.put("summary", summaryLine);
        try {
            Files.createDirectories(o.out);
            Path file = o.out.resolve(scenario + ".json");
            Files.writeString(file, Util.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            String line = root.path("date").asText() + " " + summaryLine + " | load " + root.path("loadAverageAtStart").asText()
                    + " | " + root.path("command").asText() + "\n";
            Files.writeString(o.out.resolve("summary.txt"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Bench.log("wrote %s", file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results", e);
        }
        System.out.println();
        System.out.println("== " + summaryLine);
    }
}
