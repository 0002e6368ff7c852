package fr.atelier.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Atelier server process started by the benchmark: readiness, memory, file descriptors, stop. */
final class Node implements AutoCloseable {
    final String name;
    final String nodeId;
    final int port;
    final Path log;
    final List<String> command;
    private final Process process;

    private Node(String name, String nodeId, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.nodeId = nodeId;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = process;
    }

    static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Starts {@code java -jar atelier.jar} (pinned with taskset when asked) and waits for /health/ready. */
    static Node start(Options o, String scenario, String name) {
        return start(o, scenario, name, o.serverJvmOpts, List.of("-jar", o.jar));
    }

    /**
     * Starts the bare Vert.x room ({@link BareRoom}) from the benchmark's own jar, with the product's
     * JVM flags, pinning and environment: the yardstick every figure is divided by.
     */
    static Node startBare(Options o, String scenario, String name) {
        return start(o, scenario, name, o.serverJvmOpts, List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), "bare-room"));
    }

    private static Node start(Options o, String scenario, String name, List<String> jvmOpts, List<String> main) {
        int port = o.basePort > 0 ? o.basePort + Bench.STARTED.size() : freePort(o.host);
        String nodeId = "bench-" + scenario + "-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> cmd = new ArrayList<>();
        if (o.serverCpus != null && new File("/usr/bin/taskset").canExecute()) {
            cmd.add("taskset");
            cmd.add("-c");
            cmd.add(o.serverCpus);
        }
        cmd.add(Options.javaBinary());
        cmd.addAll(jvmOpts);
        cmd.addAll(main);
        Path log = o.out.resolve(scenario + "-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("ATELIER_HTTP_PORT", Integer.toString(port));
        env.put("ATELIER_HTTP_HOST", o.host);
        env.put("ATELIER_REDIS_URL", o.redisUrl);
        env.put("ATELIER_DATABASE_URL", o.databaseUrl);
        env.put("ATELIER_JOINS_PER_MINUTE", "1000000");
        // One installation per benchmark database: the shared Redis remembers which database it serves (decision 28).
        env.put("ATELIER_CLUSTER_NAME", "bench-" + o.databaseUrl.replaceFirst("^.*/([^/?]+).*$", "$1"));
        env.put("ATELIER_NODE_ID", nodeId);
        env.put("ATELIER_LOG_LEVEL", o.serverLogLevel);
        env.put("ATELIER_DATA_DIR", o.out.resolve("data").toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd, e);
        }
        Node node = new Node(name, nodeId, port, log, cmd, p);
        Bench.STARTED.add(node);
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(o.startTimeoutSec);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + p.exitValue() + "; log: " + node.logTail(30));
            }
            if (node.httpGet("/health/ready", 1000) == 200) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + name + " not ready after " + o.startTimeoutSec + " s; log: " + node.logTail(30));
            }
            Util.sleep(200);
        }
        Bench.log("node %s (pid %d, id %s) ready on %s:%d in %d ms", name, p.pid(), nodeId, o.host, port,
                (System.nanoTime() - t0) / 1_000_000);
        return node;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** A blocking GET on the main thread (readiness, metrics), answering the status or -1. */
    int httpGet(String path, int timeoutMs) {
        return httpGetBody(path, timeoutMs, null);
    }

    private int httpGetBody(String path, int timeoutMs, StringBuilder body) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(timeoutMs);
            c.setReadTimeout(timeoutMs);
            int status = c.getResponseCode();
            if (body != null && status == 200) {
                body.append(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } else {
                (status >= 400 ? c.getErrorStream() : c.getInputStream()).close();
            }
            c.disconnect();
            return status;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private String procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return line.substring(key.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            // gone
        }
        return null;
    }

    /** Resident memory in KiB (VmRSS), -1 when the process is gone. */
    long rssKb() {
        String v = procStatus("VmRSS");
        return v == null ? -1 : Long.parseLong(v.replace("kB", "").trim());
    }

    long peakRssKb() {
        String v = procStatus("VmHWM");
        return v == null ? -1 : Long.parseLong(v.replace("kB", "").trim());
    }

    String cpusAllowed() {
        return procStatus("Cpus_allowed_list");
    }

    int threads() {
        String v = procStatus("Threads");
        return v == null ? -1 : Integer.parseInt(v);
    }

    int fdCount() {
        String[] list = new File("/proc/" + pid() + "/fd").list();
        return list == null ? -1 : list.length;
    }

    long fdLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return -1;
    }

    /** CPU time used by the process so far (utime + stime) in ms. */
    long cpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Time this process's threads spent runnable but waiting for a CPU (run-queue delay, from
     * /proc/PID/task/TID/schedstat), in ms: how much other work on the same core held it back.
     */
    long runQueueWaitMs() {
        return runQueueWaitMs(pid());
    }

    static long runQueueWaitMs(long pid) {
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        if (tasks == null) {
            return -1;
        }
        long ns = 0;
        for (File t : tasks) {
            try {
                String[] f = Files.readString(t.toPath().resolve("schedstat")).trim().split(" ");
                ns += Long.parseLong(f[1]);
            } catch (IOException | RuntimeException e) {
                // thread gone
            }
        }
        return ns / 1_000_000;
    }

    private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /**
     * Java heap in use, in KiB: from /metrics (jvm_memory_used_bytes, area heap) when the node exports it,
     * else from {@code jcmd <pid> GC.heap_info}. With {@code fullGcFirst}, {@code jcmd <pid> GC.run} first
     * so that the figure is live data rather than garbage waiting for the next collection.
     */
    ObjectNode heap(boolean fullGcFirst) {
        ObjectNode n = Util.JSON.createObjectNode();
        if (fullGcFirst) {
            String out = jcmd("GC.run");
            n.put("fullGcFirst", out != null);
            Util.sleep(300);
        }
        StringBuilder metrics = new StringBuilder();
        if (httpGetBody("/metrics", 5000, metrics) == 200) {
            double used = 0;
            boolean found = false;
            for (String line : metrics.toString().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            if (found) {
                n.put("source", "metrics jvm_memory_used_bytes{area=heap}");
                n.put("usedKb", (long) (used / 1024));
                return n;
            }
        }
        long[] heap = heapCommittedUsedKb();
        if (heap[0] < 0) {
            n.put("source", "unavailable");
            n.put("usedKb", -1);
            return n;
        }
        n.put("source", "jcmd GC.heap_info");
        n.put("usedKb", heap[1]);
        n.put("committedKb", heap[0]);
        return n;
    }

    /** Committed and used Java heap in KiB from {@code jcmd <pid> GC.heap_info} ({-1, -1} when unavailable). */
    long[] heapCommittedUsedKb() {
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return new long[] {-1, -1};
        }
        long used = 0;
        long total = 0;
        for (String line : info.split("\n")) {
            Matcher m = HEAP_LINE.matcher(line);
            if (m.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                total += Long.parseLong(m.group(1));
                used += Long.parseLong(m.group(2));
            }
        }
        return new long[] {total, used};
    }

    private static final Pattern HISTO_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** {@code jcmd <pid> GC.class_histogram} (live objects, after a full GC): class name → {instances, bytes}. */
    Map<String, long[]> classHistogram() {
        Map<String, long[]> out = new java.util.HashMap<>();
        String text = jcmd("GC.class_histogram");
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            Matcher m = HISTO_LINE.matcher(line);
            if (m.find()) {
                out.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        }
        return out;
    }

    private Path recording;

    /** Starts a Java Flight Recorder recording (CPU samples) on the node, for {@code --profile}. */
    void profileStart(Path file) {
        recording = file.toAbsolutePath();
        if (jcmd("JFR.start name=bench settings=profile filename=" + recording) == null) {
            recording = null;
        }
    }

    /** Stops the recording and summarises its hottest methods (null when no recording ran). */
    ObjectNode profileStop() {
        if (recording == null) {
            return null;
        }
        jcmd("JFR.stop name=bench");
        ObjectNode summary = Profile.summarize(recording);
        recording = null;
        return summary;
    }

    private String jcmd(String what) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        if (!new File(jcmd).canExecute()) {
            jcmd = "jcmd";
        }
        try {
            List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid())));
            cmd.addAll(Options.split(what));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Counts log lines at WARN or ERROR (the node runs with ATELIER_LOG_LEVEL=WARN). */
    ObjectNode logSummary() {
        ObjectNode n = Util.JSON.createObjectNode();
        int warn = 0;
        int error = 0;
        List<String> samples = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                boolean w = line.contains(" WARN ");
                boolean e = line.contains(" ERROR ");
                if (w) {
                    warn++;
                }
                if (e) {
                    error++;
                }
                if ((w || e) && samples.size() < 5) {
                    samples.add(line.length() > 300 ? line.substring(0, 300) : line);
                }
            }
        } catch (IOException ignored) {
            // no log
        }
        n.put("log", log.toString());
        n.put("warnLines", warn);
        n.put("errorLines", error);
        n.set("firstLines", Util.JSON.valueToTree(samples));
        return n;
    }

    ObjectNode describe() {
        ObjectNode n = Util.JSON.createObjectNode();
        n.put("name", name);
        n.put("nodeId", nodeId);
        n.put("pid", pid());
        n.put("port", port);
        n.put("cpusAllowed", cpusAllowed());
        n.put("fdLimit", fdLimit());
        n.put("command", String.join(" ", command));
        return n;
    }

    /** SIGTERM, then SIGKILL after a bounded wait. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    /** The executable name of the process ({@code /proc/PID/comm}): "java" when taskset exec'd it in place. */
    String comm() {
        try {
            return Files.readString(Path.of("/proc/" + pid() + "/comm")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux (no shutdown hook, no lease
     * released, sockets closed by the kernel). Waits until the process is reaped and answers its exit
     * value (137 = 128 + 9: killed by SIGKILL), or -1 if it is still alive after {@code timeoutMs}.
     */
    int killHard(long timeoutMs) {
        process.destroyForcibly();
        try {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
