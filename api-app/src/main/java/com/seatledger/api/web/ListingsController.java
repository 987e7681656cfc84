package com.seatledger.api.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.seatledger.api.view.ShowView;
import com.seatledger.api.view.Views;
import com.seatledger.topics.message.Order;
import com.seatledger.topics.message.ResultCode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the box office looks up (admin): a show's orders and one seat or area, from this instance's views. */
@RestController
@Tag(name = "box office")
public class ListingsController {

    private final Views views;

    public ListingsController(Views views) {
        this.views = views;
    }

    @GetMapping("/api/shows/{showId}/orders")
    @Operation(summary = "The show's orders that are not cancelled (admin)")
    public List<Order> orders(@PathVariable String showId) {
        return ApiError.ofShow(showId, views.read(Commands.pathId("showId", showId), ShowView::orders));
    }

    @GetMapping("/api/shows/{showId}/seats/{seatId}")
    @Operation(summary = "One seat with its status and who holds or bought it; an areaId gives the area's counts (admin)")
    public Object seat(@PathVariable String showId, @PathVariable String seatId) {
        String id = Commands.pathId("seatId", seatId);
        // null: no such show; empty: the show has no such seat or area
        Optional<Object> seat = ApiError.ofShow(showId,
                views.read(Commands.pathId("showId", showId), v -> Optional.ofNullable(v.seatOrArea(id))));
        return seat.orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND, ResultCode.SEAT_NOT_FOUND.name(),
                "show " + showId + " has no seat or area " + seatId));
    }
}
