package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            r.addHeader("X-Forwarded-For", header);
        }
        return r;
    }

    private final ClientAddress privateProxies = new ClientAddress("private");

    @Test
    void aClientThatIsNoProxyIsItsOwnAddressWhateverItForwards() {
        assertThat(privateProxies.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastAddressNoTrustedProxyAppended() {
        assertThat(privateProxies.of(from("10.0.0.5", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client sent its own X-Forwarded-For: only what the proxies appended counts
        assertThat(privateProxies.of(from("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.0.0.7"))).isEqualTo("198.51.100.1");
        assertThat(privateProxies.of(from("127.0.0.1", "6.6.6.6", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(privateProxies.of(from("10.0.0.5"))).as("no header: the proxy itself").isEqualTo("10.0.0.5");
    }

    @Test
    void privateMeansLoopbackPrivateLinkLocalAndSharedNatAddresses() {
        assertThat(java.util.List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.0.1", "fe80::1", "fd12:3456::1", "100.64.0.1", "100.127.255.255"))
                .allMatch(ClientAddress::isPrivate);
        assertThat(java.util.List.of("203.0.113.7", "172.32.0.1", "100.128.0.1", "2001:db8::1", "8.8.8.8", "not-an-ip"))
                .noneMatch(ClientAddress::isPrivate);
    }

    @Test
    void proxiesCanBeNamedOrNoneTrusted() {
        assertThat(new ClientAddress("none").of(from("10.0.0.5", "198.51.100.1"))).isEqualTo("10.0.0.5");
        ClientAddress named = new ClientAddress("203\\.0\\.113\\.\\d+");
        assertThat(named.of(from("203.0.113.2", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(named.of(from("10.0.0.5", "198.51.100.1"))).isEqualTo("10.0.0.5");
    }
}
