package com.seatledger.api.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import com.seatledger.topics.message.Command;

/** The authenticated principal: {@code sub} is the actor, the {@code roles} claim its roles. */
public record Caller(String actor, List<String> roles) {

    public static Caller of(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles == null ? List.of() : List.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(Command.ADMIN_ROLE);
    }
}
