package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.seatledger.topics.message.AreaCounts;
import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

/**
 * The whole effect of one accepted decision on one show, worked out before anything changes: seats
 * whose status moves, a hold opened, closed or extended, an order added or cancelled. It is applied
 * to memory ({@link ShowState#apply}) and written to the journal ({@link Journal}) only once it is
 * complete, so a decision that fails half-way leaves no trace (atomic decisions). Replaying the
 * journal applies the same changes again.
 */
final class Change {

    private static final int[] NONE = new int[0];

    final Cause cause;
    final Instant at;
    int[] seats = new int[4];
    SeatStatus[] to = new SeatStatus[4];
    int moves;
    // places moved between statuses, per area (an area may appear more than once; counts add up)
    int[] areaOf = NONE;
    /** The channel whose quota the places of each move are (0: the pool). */
    int[] areaChannel = NONE;
    int[] quantityOf = NONE;
    SeatStatus[] areaFrom = new SeatStatus[0];
    SeatStatus[] areaTo = new SeatStatus[0];
    int areaMoves;
    HoldRec opened;
    /** The active hold this change ends, and how. */
    HoldRec closed;
    HoldStatus closedAs;
    HoldRec extended;
    Instant extendedTo;
    OrderRec orderAdded;
    String orderCancelled;
    // ASSIGN_CHANNEL: seats and AVAILABLE places into channel assignTo (0: the pool; -1: no assignment)
    int assignTo = -1;
    String assignId;
    /** The channel's name when the change creates or renames it. */
    String assignName;
    int[] assigned = NONE;
    int assignedCount;
    int[] quotaArea = NONE;
    int[] quotaFrom = NONE;
    int[] quotaQuantity = NONE;
    int quotaMoves;

    // what only the event and the result need (not journaled)
    Command command;
    Hold hold;
    String orderId;
    String replacedHoldId;
    String reason;

    Change(Cause cause, Instant at) {
        this.cause = cause;
        this.at = at;
    }

    void move(int seat, SeatStatus status) {
        if (moves == seats.length) {
            seats = Arrays.copyOf(seats, moves * 2);
            to = Arrays.copyOf(to, moves * 2);
        }
        seats[moves] = seat;
        to[moves] = status;
        moves++;
    }

    void movePlaces(int area, int channel, int quantity, SeatStatus from, SeatStatus status) {
        if (quantity == 0) {
            return;
        }
        if (areaMoves == areaOf.length) {
            int n = Math.max(2, areaMoves * 2);
            areaOf = Arrays.copyOf(areaOf, n);
            areaChannel = Arrays.copyOf(areaChannel, n);
            quantityOf = Arrays.copyOf(quantityOf, n);
            areaFrom = Arrays.copyOf(areaFrom, n);
            areaTo = Arrays.copyOf(areaTo, n);
        }
        areaOf[areaMoves] = area;
        areaChannel[areaMoves] = channel;
        quantityOf[areaMoves] = quantity;
        areaFrom[areaMoves] = from;
        areaTo[areaMoves] = status;
        areaMoves++;
    }

    /** Moves all of {@code places} from one status to another. */
    void movePlaces(Places places, SeatStatus from, SeatStatus status) {
        for (int i = 0; i < places.size(); i++) {
            movePlaces(places.areas()[i], places.channels()[i], places.quantities()[i], from, status);
        }
    }

    /** ASSIGN_CHANNEL: into channel {@code to} ({@code id}; 0 and null: the pool), named {@code name} if given. */
    void assign(int to, String id, String name) {
        assignTo = to;
        assignId = id;
        assignName = name;
    }

    void assignSeat(int seat) {
        if (assignedCount == assigned.length) {
            assigned = Arrays.copyOf(assigned, Math.max(4, assignedCount * 2));
        }
        assigned[assignedCount++] = seat;
    }

    /** AVAILABLE places of an area from channel {@code from}'s quota into the assigned channel's. */
    void assignPlaces(int area, int from, int quantity) {
        if (quotaMoves == quotaArea.length) {
            int n = Math.max(2, quotaMoves * 2);
            quotaArea = Arrays.copyOf(quotaArea, n);
            quotaFrom = Arrays.copyOf(quotaFrom, n);
            quotaQuantity = Arrays.copyOf(quotaQuantity, n);
        }
        quotaArea[quotaMoves] = area;
        quotaFrom[quotaMoves] = from;
        quotaQuantity[quotaMoves] = quantity;
        quotaMoves++;
    }

    /** Whether the change needs store format 2: it moves channels, or places of a channel's quota. */
    boolean touchesChannels() {
        if (assignTo >= 0 || opened != null && opened.places.fromChannels()
                || orderAdded != null && orderAdded.places().fromChannels()) {
            return true;
        }
        for (int i = 0; i < areaMoves; i++) {
            if (areaChannel[i] != 0) {
                return true;
            }
        }
        return false;
    }

    Change by(Command c) {
        this.command = c;
        return this;
    }

    /** Adds a channel's quota of an area (as it is now) to an event's list, once; the pool has none. */
    private static void quota(ShowState show, List<AreaQuota> quotas, int area, int channel) {
        if (channel == 0) {
            return;
        }
        String channelId = show.channels.id(channel);
        String areaId = show.areaIds[area];
        if (quotas.stream().noneMatch(q -> q.areaId().equals(areaId) && q.channel().equals(channelId))) {
            quotas.add(show.channels.areaQuota(area, channel));
        }
    }

    /** The event of this change, once applied (seq and availability are the show's after it). */
    ShowEvent event(ShowState show) {
        List<SeatChange> changed = new ArrayList<>(moves + assignedCount);
        for (int i = 0; i < moves; i++) {
            changed.add(new SeatChange(show.seatIds[seats[i]], to[i]));
        }
        for (int i = 0; i < assignedCount; i++) {
            changed.add(new SeatChange(show.seatIds[assigned[i]], show.statusOf(assigned[i]), show.channels.id(assignTo)));
        }
        List<AreaCounts> areas = List.of();
        if (areaMoves > 0) {
            areas = new ArrayList<>(areaMoves);
            for (int i = 0; i < areaMoves; i++) {
                AreaCounts counts = show.areaCounts(areaOf[i]);
                if (!areas.contains(counts)) {
                    areas.add(counts);
                }
            }
        }
        Channel channel = assignTo > 0 ? new Channel(show.channels.id(assignTo), show.channels.name(assignTo))
                : null;
        List<AreaQuota> quotas = new ArrayList<>(0);
        for (int i = 0; i < quotaMoves; i++) {
            quota(show, quotas, quotaArea[i], quotaFrom[i]);
            quota(show, quotas, quotaArea[i], assignTo);
        }
        for (int i = 0; i < areaMoves; i++) {
            quota(show, quotas, areaOf[i], areaChannel[i]);
        }
        return new ShowEvent(show.showId, show.seq, at, cause, command == null ? null : command.commandId(),
                command == null ? null : command.actor(), hold, orderId, replacedHoldId, reason, changed,
                show.availability(), null, areas, channel, quotas);
    }
}
