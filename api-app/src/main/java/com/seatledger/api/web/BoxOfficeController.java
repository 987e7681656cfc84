package com.seatledger.api.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.api.command.CommandGateway;
import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.UnblockSeats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The box office (admin): direct sales, refunds, blocking seats from sale, ending a show. */
@RestController
@Tag(name = "box office")
public class BoxOfficeController {

    private final CommandGateway gateway;
    private final Commands commands;

    public BoxOfficeController(CommandGateway gateway, Commands commands) {
        this.gateway = gateway;
        this.commands = commands;
    }

    @PostMapping(path = "/api/shows/{showId}/sales", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sell AVAILABLE seats directly under orderId")
    public ChangeBody sell(@PathVariable String showId, @RequestBody Requests.Sale body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = gateway.decide(new SellSeats(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), body.seatIds(), body.orderId(), body.areas(), e.channels()));
        return new ChangeBody(showId, r.seq(), r.orderId() != null ? r.orderId() : body.orderId(), body.seatIds(),
                body.areas());
    }

    @PostMapping(path = "/api/shows/{showId}/orders/{orderId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel an order: its seats become AVAILABLE")
    public ChangeBody cancel(@PathVariable String showId, @PathVariable String orderId,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = gateway.decide(new CancelOrder(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), Commands.pathId("orderId", orderId), e.channels()));
        return new ChangeBody(showId, r.seq(), orderId, null);
    }

    @PostMapping(path = "/api/shows/{showId}/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Block AVAILABLE seats from sale")
    public ChangeBody block(@PathVariable String showId, @RequestBody Requests.Block body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = gateway.decide(new BlockSeats(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), body.seatIds(), body.reason(), body.areas(), e.channels()));
        return new ChangeBody(showId, r.seq(), null, body.seatIds(), body.areas());
    }

    @PostMapping(path = "/api/shows/{showId}/unblocks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Return BLOCKED seats to sale")
    public ChangeBody unblock(@PathVariable String showId, @RequestBody Requests.Unblock body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = gateway.decide(new UnblockSeats(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), body.seatIds(), null, body.areas(), e.channels()));
        return new ChangeBody(showId, r.seq(), null, body.seatIds(), body.areas());
    }

    @PostMapping(path = "/api/shows/{showId}/archive", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a show for good: active holds end RELEASED, seat-map streams end with event: archived,"
            + " the show's id is never used again")
    public ChangeBody archive(@PathVariable String showId, @RequestBody(required = false) Requests.Archive body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        CommandResult r = gateway.decide(new ArchiveShow(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), body == null ? null : body.reason(), e.channels()));
        return new ChangeBody(showId, r.seq(), null, null);
    }
}
