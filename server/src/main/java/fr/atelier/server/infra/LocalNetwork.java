package fr.atelier.server.infra;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * This machine's address on the room's network, for the QR code when the facilitator opened the
 * page on localhost (issue: a laptop as the server). Read from the interfaces, never by sending
 * anything; re-read at most every few seconds because a laptop joins and leaves Wi-Fi.
 */
public final class LocalNetwork {
    /** One IPv4 address of one interface, as the operating system reports it. */
    public record Candidate(String interfaceName, InetAddress address, boolean up, boolean loopback) {}

    private static final long REFRESH_MS = 5_000;
    private static final List<String> VIRTUAL_PREFIXES = List.of("docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "cni", "flannel", "tun", "tap", "utun", "zt", "tailscale", "wg");

    private volatile Optional<String> cached;
    private volatile long readAt;

    /** The address phones should use, if this machine has one besides loopback. */
    public Optional<String> lanAddress() {
        long now = System.currentTimeMillis();
        if (cached == null || now - readAt > REFRESH_MS) {
            cached = choose(candidates(), defaultRouteInterface()).map(InetAddress::getHostAddress);
            readAt = now;
        }
        return cached;
    }

    /**
     * The IPv4 address of the interface that holds the default route; failing that, a site-local
     * IPv4 address (10/8, 172.16/12, 192.168/16) of an interface that is up, real interfaces before
     * virtual ones (a Docker bridge is site-local but no phone can reach it).
     */
    public static Optional<InetAddress> choose(List<Candidate> candidates, Optional<String> defaultRouteInterface) {
        List<Candidate> usable = candidates.stream()
                .filter(c -> c.up() && !c.loopback() && c.address() instanceof Inet4Address)
                .filter(c -> !c.address().isLoopbackAddress() && !c.address().isLinkLocalAddress() && !c.address().isAnyLocalAddress())
                .toList();
        if (defaultRouteInterface.isPresent()) {
            Optional<InetAddress> routed = usable.stream()
                    .filter(c -> c.interfaceName().equals(defaultRouteInterface.get()))
                    .map(Candidate::address).findFirst();
            if (routed.isPresent()) {
                return routed;
            }
        }
        return usable.stream()
                .filter(c -> c.address().isSiteLocalAddress())
                .sorted((a, b) -> Boolean.compare(isVirtual(a.interfaceName()), isVirtual(b.interfaceName())))
                .map(Candidate::address).findFirst();
    }

    static boolean isVirtual(String interfaceName) {
        return VIRTUAL_PREFIXES.stream().anyMatch(interfaceName::startsWith);
    }

    static List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                boolean up = nif.isUp();
                boolean loopback = nif.isLoopback();
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    out.add(new Candidate(nif.getName(), a, up, loopback));
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: loopback only, which the console then says
        }
        return out;
    }

    /** Linux names the default route's interface in /proc/net/route; elsewhere site-local addresses decide. */
    static Optional<String> defaultRouteInterface() {
        Path routes = Path.of("/proc/net/route");
        if (!Files.isReadable(routes)) {
            return Optional.empty();
        }
        try {
            return defaultRouteInterface(Files.readAllLines(routes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The interface of the first route whose destination and mask are 0.0.0.0, in /proc/net/route's format. */
    static Optional<String> defaultRouteInterface(List<String> procNetRoute) {
        for (String line : procNetRoute) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[1].equals("00000000") && f[7].equals("00000000")) {
                return Optional.of(f[0]);
            }
        }
        return Optional.empty();
    }
}
