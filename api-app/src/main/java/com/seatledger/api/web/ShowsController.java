package com.seatledger.api.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.api.command.CommandGateway;
import com.seatledger.api.sse.SseHub;
import com.seatledger.api.view.ShowBody;
import com.seatledger.api.view.ShowSummary;
import com.seatledger.api.view.ShowView;
import com.seatledger.api.view.Views;
import com.seatledger.topics.message.CreateShow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Shows: create (admin), list, seat map, and the live seat-map stream. */
@RestController
@Tag(name = "shows")
public class ShowsController {

    private final CommandGateway gateway;
    private final Views views;
    private final SseHub hub;
    private final Commands commands;
    private final ClientAddress clientAddress;

    public ShowsController(CommandGateway gateway, Views views, SseHub hub, Commands commands, ClientAddress clientAddress) {
        this.gateway = gateway;
        this.views = views;
        this.hub = hub;
        this.commands = commands;
        this.clientAddress = clientAddress;
    }

    @PostMapping(path = "/api/shows", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a show with all its seats AVAILABLE (admin)")
    public ResponseEntity<ShowBody> create(@RequestBody Requests.CreateShow body,
            @RequestHeader(value = Commands.IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
        Commands.Envelope e = commands.envelope(auth, key);
        gateway.decide(new CreateShow(e.commandId(), body.showId(), e.actor(), e.roles(), e.issuedAt(), body.name(),
                body.startsAt(), body.seats(), body.policy(), body.areas(), body.channels()));
        return ResponseEntity.created(URI.create("/api/shows/" + body.showId())).body(show(body.showId(), auth));
    }

    @GetMapping("/api/shows")
    @Operation(summary = "Every show with its availability per category")
    public List<ShowSummary> list() {
        return views.summaries();
    }

    @GetMapping("/api/shows/{showId}")
    @Operation(summary = "A show's seat map at its latest seq; channel names and counts for admins and the channels' buyers")
    public ShowBody show(@PathVariable String showId, Authentication auth) {
        Caller caller = Caller.of(auth);
        return ApiError.ofShow(showId, views.read(Commands.pathId("showId", showId),
                view -> view.body(channelId -> caller != null && caller.seesChannel(channelId))));
    }

    @GetMapping(path = "/api/shows/{showId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live seat map (SSE): a snapshot, then every change; resumes with Last-Event-ID")
    @ApiResponse(responseCode = "200", description = "the seat-map event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    public void events(@PathVariable String showId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
            HttpServletRequest request, HttpServletResponse response) {
        hub.openShow(Commands.pathId("showId", showId),
                lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam, clientAddress.of(request))
                .serve(request, response);
    }
}
