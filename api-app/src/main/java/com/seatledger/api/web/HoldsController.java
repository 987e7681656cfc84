package com.seatledger.api.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.api.command.CommandGateway;
import com.seatledger.api.command.CommandIds;
import com.seatledger.api.command.CommandRejected;
import com.seatledger.api.sse.SseHub;
import com.seatledger.api.view.HoldBody;
import com.seatledger.api.view.Views;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Buyers' holds: take, list, look up, extend, release, confirm, and the hold stream. */
@RestController
@Tag(name = "holds")
public class HoldsController {

    private final CommandGateway gateway;
    private final Views views;
    private final SseHub hub;
    private final Commands commands;
    private final ClientAddress clientAddress;

    public HoldsController(CommandGateway gateway, Views views, SseHub hub, Commands commands, ClientAddress clientAddress) {
        this.gateway = gateway;
        this.views = views;
        this.hub = hub;
        this.commands = commands;
        this.clientAddress = clientAddress;
    }

    @PostMapping(path = "/api/shows/{showId}/holds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hold seats, named or best available, until expiresAt")
    public ResponseEntity<HoldBody> hold(@PathVariable String showId, @RequestBody Requests.Hold body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        HoldSeats c = hold(showId, body, commands.envelope(auth, key));
        CommandResult r = gateway.decide(c);
        return ResponseEntity.created(URI.create(location(r))).body(HoldBody.of(showId, r.hold(), r.seq(), null));
    }

    /** The HOLD a hold request asks for; {@link HoldRoute} builds it alike. */
    static HoldSeats hold(String showId, Requests.Hold body, Commands.Envelope e) {
        // an empty list counts as absent: generated clients send [] for a list they were not given
        return new HoldSeats(e.commandId(), Commands.pathId("showId", showId), e.actor(), e.roles(), e.issuedAt(),
                CommandIds.holdId(e.commandId(), showId), Requests.given(body.seatIds()), body.bestAvailable(),
                body.ttlSeconds(), body.replacesHoldId(), Requests.given(body.areas()), e.channels());
    }

    static String location(CommandResult accepted) {
        return "/api/holds/" + accepted.hold().holdId();
    }

    @GetMapping("/api/shows/{showId}/holds")
    @Operation(summary = "The caller's active holds in the show; with all=true (admin) every active hold of the show")
    public List<HoldBody> myHolds(@PathVariable String showId,
            @RequestParam(value = "all", defaultValue = "false") boolean all, Authentication auth) {
        Caller caller = Caller.of(auth);
        if (all && !caller.isAdmin()) {
            throw new ApiError(HttpStatus.FORBIDDEN, ResultCode.FORBIDDEN.name(), "all=true needs role admin");
        }
        return ApiError.ofShow(showId, views.read(Commands.pathId("showId", showId),
                v -> (all ? v.activeHolds() : v.activeHoldsOf(caller.actor())).stream()
                        .map(h -> HoldBody.of(showId, h, null, null)).toList()));
    }

    @GetMapping("/api/holds/{holdId}")
    @Operation(summary = "A hold (holder or admin)")
    public HoldBody get(@PathVariable String holdId, Authentication auth) {
        Views.HoldRef ref = ownHold(holdId, auth);
        return HoldBody.of(ref.showId(), ref.hold(), null, null);
    }

    @PostMapping(path = "/api/holds/{holdId}/extend", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend a hold: never shortens it, capped at the show's maxHoldSeconds")
    public HoldBody extend(@PathVariable String holdId, @RequestBody(required = false) Requests.Extend body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        String showId = showOf(holdId, auth);
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = decide(holdId, new ExtendHold(e.commandId(), showId, e.actor(), e.roles(),
                e.issuedAt(), holdId, body == null ? null : body.ttlSeconds(), e.channels()));
        return HoldBody.of(showId, r.hold(), r.seq(), null);
    }

    @DeleteMapping(path = "/api/holds/{holdId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Release a hold: its seats become AVAILABLE")
    public ResponseEntity<Void> release(@PathVariable String holdId,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        String showId = showOf(holdId, auth);
        Commands.Envelope e = commands.envelope(auth, key);
        decide(holdId, new ReleaseHold(e.commandId(), showId, e.actor(), e.roles(), e.issuedAt(), holdId,
                e.channels()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/holds/{holdId}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a hold: its seats become SOLD under orderId")
    public HoldBody confirm(@PathVariable String holdId, @RequestBody Requests.Confirm body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        String showId = showOf(holdId, auth);
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = decide(holdId, new ConfirmHold(e.commandId(), showId, e.actor(), e.roles(),
                e.issuedAt(), holdId, body.orderId(), e.channels()));
        return HoldBody.of(showId, r.hold(), r.seq(), r.orderId());
    }

    @GetMapping(path = "/api/holds/{holdId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The hold's stream (holder or admin): its state, every change, and 'expiring'")
    @ApiResponse(responseCode = "200", description = "the hold's event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @Parameter(name = "access_token", in = ParameterIn.QUERY, required = false, schema = @Schema(type = "string"),
            description = "the bearer token, for clients that cannot send an Authorization header (EventSource; RFC 6750)")
    public void events(@PathVariable String holdId, Authentication auth, HttpServletRequest request,
            HttpServletResponse response) {
        hub.openHold(ownHold(holdId, auth), clientAddress.of(request)).serve(request, response);
    }

    /**
     * The show of a hold, for commands on it (the ledger itself decides who may act): from the views,
     * else from the hold id itself, so a retry reaches the ledger, which remembers its answer, even
     * after the views forgot the hold.
     */
    private String showOf(String holdId, Authentication auth) {
        Views.HoldRef ref = known(holdId, auth);
        String showId = ref != null ? ref.showId() : CommandIds.showOfHold(holdId);
        if (showId == null) {
            throw noHold(holdId);
        }
        return showId;
    }

    /** A show that is gone (never existed, archived) means no such hold, on a hold's path. */
    private CommandResult decide(String holdId, Command c) {
        try {
            return gateway.decide(c);
        } catch (CommandRejected r) {
            if (r.result().code() == ResultCode.SHOW_NOT_FOUND) {
                throw noHold(holdId);
            }
            throw r;
        }
    }

    private static ApiError noHold(String holdId) {
        return new ApiError(HttpStatus.NOT_FOUND, ResultCode.HOLD_NOT_FOUND.name(), "no hold " + holdId);
    }

    /** The hold as this instance's views know it (the caller's own first), or null. */
    private Views.HoldRef known(String holdId, Authentication auth) {
        return views.findHold(Commands.pathId("holdId", holdId), Caller.of(auth).actor());
    }

    /** A hold the caller may see, from the views: its own, or any for an admin. */
    private Views.HoldRef ownHold(String holdId, Authentication auth) {
        Views.HoldRef ref = known(holdId, auth);
        if (ref == null) {
            throw noHold(holdId);
        }
        Caller c = Caller.of(auth);
        if (!ref.hold().actor().equals(c.actor()) && !c.isAdmin()) {
            throw new ApiError(HttpStatus.FORBIDDEN, ResultCode.NOT_HOLDER.name(), "hold " + holdId + " is not yours");
        }
        return ref;
    }
}
