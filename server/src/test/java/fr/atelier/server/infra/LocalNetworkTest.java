package fr.atelier.server.infra;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.infra.LocalNetwork.Candidate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which address goes into the QR code when the laptop is the server. */
class LocalNetworkTest {

    @Test
    void theInterfaceOfTheDefaultRouteWins() {
        List<Candidate> interfaces = List.of(
                up("lo", "127.0.0.1", true), up("docker0", "172.17.0.1", false),
                up("wlan0", "192.168.1.23", false), up("eth1", "10.0.0.4", false));
        assertThat(LocalNetwork.choose(interfaces, Optional.of("wlan0"))).contains(ip("192.168.1.23"));
        assertThat(LocalNetwork.choose(interfaces, Optional.of("eth1"))).contains(ip("10.0.0.4"));
    }

    @Test
    void withoutADefaultRouteARealSiteLocalInterfaceBeatsAVirtualOne() {
        // A laptop's own hotspot (no internet, so no default route) next to a Docker bridge.
        List<Candidate> interfaces = List.of(
                up("lo", "127.0.0.1", true), up("docker0", "172.17.0.1", false), up("wlan0", "192.168.137.1", false));
        assertThat(LocalNetwork.choose(interfaces, Optional.empty())).contains(ip("192.168.137.1"));
        assertThat(LocalNetwork.choose(interfaces, Optional.of("ppp0"))).contains(ip("192.168.137.1"));
    }

    @Test
    void loopbackLinkLocalDownAndIpv6AreNeverChosen() {
        List<Candidate> interfaces = List.of(
                up("lo", "127.0.0.1", true), up("eth0", "169.254.10.20", false), up("eth0", "fe80::1", false),
                new Candidate("wlan0", ip("192.168.1.23"), false, false));
        assertThat(LocalNetwork.choose(interfaces, Optional.of("eth0"))).isEmpty();
    }

    @Test
    void theDefaultRouteIsReadFromProcNetRoute() {
        List<String> table = List.of(
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
                "wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0",
                "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0");
        assertThat(LocalNetwork.defaultRouteInterface(table)).contains("wlan0");
        assertThat(LocalNetwork.defaultRouteInterface(table.subList(0, 2))).isEmpty();
    }

    /** This machine, read twice (the second answer comes from the cache): the same as choosing by hand. */
    @Test
    void theMachinesOwnAnswerIsTheRuleAppliedToItsInterfaces() {
        LocalNetwork network = new LocalNetwork();
        Optional<String> first = network.lanAddress();
        assertThat(network.lanAddress()).isEqualTo(first);
        assertThat(first).isEqualTo(LocalNetwork.choose(LocalNetwork.candidates(), LocalNetwork.defaultRouteInterface())
                .map(InetAddress::getHostAddress));
    }

    private static Candidate up(String name, String address, boolean loopback) {
        return new Candidate(name, ip(address), true, loopback);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
