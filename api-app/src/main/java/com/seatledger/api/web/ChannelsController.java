package com.seatledger.api.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.api.command.CommandGateway;
import com.seatledger.api.view.ChannelBody;
import com.seatledger.api.view.Views;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CommandValidation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sales channels (admin): set seats and area places aside for a presale, a partner or the box
 * office, or give them back to the public pool; and see each channel's seats and availability.
 */
@RestController
@Tag(name = "channels")
public class ChannelsController {

    private final CommandGateway gateway;
    private final Commands commands;
    private final Views views;

    public ChannelsController(CommandGateway gateway, Commands commands, Views views) {
        this.gateway = gateway;
        this.commands = commands;
        this.views = views;
    }

    @PostMapping(path = "/api/shows/{showId}/channels/{channelId}/seats", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move AVAILABLE seats and places into a channel (created on first use; channelId 'public':"
            + " back to the public pool), all or nothing")
    public ChangeBody assign(@PathVariable String showId, @PathVariable String channelId,
            @RequestBody Requests.Assign body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        String channel = CommandValidation.PUBLIC_POOL.equals(channelId) ? null : Commands.pathId("channelId", channelId);
        CommandResult r = gateway.decide(new AssignChannel(e.commandId(), Commands.pathId("showId", showId), e.actor(),
                e.roles(), e.issuedAt(), channel, body.name(), body.seatIds(), body.areas(), e.channels()));
        return new ChangeBody(showId, r.seq(), null, body.seatIds(), body.areas());
    }

    @GetMapping("/api/shows/{showId}/channels")
    @Operation(summary = "The show's channels with their seats, area quotas and availability per category (admin)")
    public List<ChannelBody> channels(@PathVariable String showId) {
        return ApiError.ofShow(showId, views.read(Commands.pathId("showId", showId), v -> v.channelBodies(true)));
    }
}
