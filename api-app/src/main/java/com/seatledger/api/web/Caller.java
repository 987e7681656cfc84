package com.seatledger.api.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import com.seatledger.topics.message.Command;

/**
 * The authenticated principal: {@code sub} is the actor; its roles are the token's granted roles
 * (from whichever claim is configured, see SecurityConfig), without the {@code ROLE_} prefix.
 */
public record Caller(String actor, List<String> roles) {

    private static final String ROLE = "ROLE_";

    public static Caller of(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE)).map(a -> a.substring(ROLE.length())).toList();
        return new Caller(jwt.getSubject(), roles);
    }

    public boolean isAdmin() {
        return roles.contains(Command.ADMIN_ROLE);
    }
}
