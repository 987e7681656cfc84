package com.seatledger.api.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import com.seatledger.topics.message.Command;

/**
 * The authenticated principal: {@code sub} is the actor; its roles are the token's granted roles
 * and its channels the sales channels it may buy from (each from whichever claim is configured, see
 * SecurityConfig), without their authority prefixes.
 */
public record Caller(String actor, List<String> roles, List<String> channels) {

    private static final String ROLE = "ROLE_";
    public static final String CHANNEL = "CHANNEL_";

    public static Caller of(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        return new Caller(jwt.getSubject(), granted(auth, ROLE), granted(auth, CHANNEL));
    }

    private static List<String> granted(Authentication auth, String prefix) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length())).toList();
    }

    /** Whether the caller may see channel {@code channelId}'s name and counts. */
    public boolean seesChannel(String channelId) {
        return isAdmin() || channels.contains(channelId);
    }

    public boolean isAdmin() {
        return roles.contains(Command.ADMIN_ROLE);
    }
}
