package com.seatledger.api.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a request comes from, for the per-address stream cap: the peer's address, or, when the
 * peer is a trusted proxy (a load balancer in front of the api-app), the address it forwards for.
 * {@code X-Forwarded-For} is read from the right, past every trusted hop, so a client cannot name
 * an address of its choice by sending the header itself: only what trusted proxies appended counts.
 *
 * <p>{@code seatledger.trusted-proxies}: {@code private} (the default: loopback, private, link-local
 * and carrier-grade NAT addresses, where load balancers live), {@code none}, or a regular expression
 * that a trusted proxy's address matches.
 */
@Component
public class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Predicate<String> trusted;

    public ClientAddress(@Value("${seatledger.trusted-proxies:private}") String trustedProxies) {
        this.trusted = switch (trustedProxies.strip()) {
            case "private" -> ClientAddress::isPrivate;
            case "none", "" -> address -> false;
            default -> Pattern.compile(trustedProxies.strip()).asMatchPredicate();
        };
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (peer == null || !trusted.test(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.test(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.getFirst();
    }

    static boolean isPrivate(String address) {
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(address); // a literal only: never a name lookup
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xFE) == 0xFC; // fc00::/7
        boolean sharedNat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // 100.64.0.0/10
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || uniqueLocal || sharedNat;
    }
}
