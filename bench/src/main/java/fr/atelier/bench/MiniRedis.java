package fr.atelier.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A few read-only Redis commands over a bare socket (RESP2), for the benchmark's own checks: the
 * persistence settings in use and whether a session's archive is still pending.
 */
final class MiniRedis implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    MiniRedis(String url) throws IOException {
        URI u = URI.create(url);
        socket = new Socket();
        socket.connect(new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), 2000);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a command; answers a String, a Long, a List of those, or null. */
    Object call(String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(len);
                in.readNBytes(2);
                return new String(b, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read());
                }
                return list;
            }
            default:
                throw new IOException("unexpected RESP type " + type);
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** {@code CONFIG GET name}, or null. */
    static String config(String url, String name) {
        try (MiniRedis r = new MiniRedis(url)) {
            Object v = r.call("CONFIG", "GET", name);
            return v instanceof List<?> l && l.size() == 2 ? String.valueOf(l.get(1)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Session ids waiting in the archive queue ({@code atelier:archive:pending}) with their join code. */
    static List<String[]> pendingArchives(String url) {
        List<String[]> out = new ArrayList<>();
        try (MiniRedis r = new MiniRedis(url)) {
            Object members = r.call("SMEMBERS", "atelier:archive:pending");
            if (members instanceof List<?> l) {
                for (Object id : l) {
                    Object code = r.call("HGET", "atelier:{" + id + "}:meta", "code");
                    out.add(new String[] {String.valueOf(id), String.valueOf(code)});
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: treat as none
        }
        return out;
    }

    /** GET of one key on its own connection; null when missing or unreachable. */
    static String get(String url, String key) {
        try (MiniRedis m = new MiniRedis(url)) {
            Object v = m.call("GET", key);
            return v == null ? null : String.valueOf(v);
        } catch (IOException e) {
            return null;
        }
    }

    /** When the session with this join code was archived to PostgreSQL (ms since the epoch), or null. */
    static Long archivedAt(String url, String code) {
        try (MiniRedis r = new MiniRedis(url)) {
            Object id = r.call("GET", "atelier:code:" + code);
            if (id == null) {
                return null;
            }
            Object at = r.call("HGET", "atelier:{" + id + "}:meta", "archivedAt");
            return at == null ? null : Long.parseLong(String.valueOf(at));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the session with this join code is waiting to be archived. */
    static boolean archivePending(String url, String code) {
        for (String[] p : pendingArchives(url)) {
            if (code.equals(p[1])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
