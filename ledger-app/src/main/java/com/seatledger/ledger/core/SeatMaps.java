package com.seatledger.ledger.core;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link SeatMap}s of the shows this ledger instance decides, built on first use from the
 * seats table and kept for the most recently used shows only.
 */
final class SeatMaps {

    private final Table<SeatRecord> seats;
    private final Map<String, SeatMap> maps;

    SeatMaps(Table<SeatRecord> seats, int maxShows) {
        this.seats = seats;
        this.maps = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SeatMap> eldest) {
                return size() > maxShows;
            }
        };
    }

    SeatMap of(String showId) {
        return maps.computeIfAbsent(showId, this::load);
    }

    /** Keeps a loaded map in step with a seat's change; an unloaded one is built fresh later. */
    void seatChanged(String showId, String seatId, boolean available) {
        SeatMap map = maps.get(showId);
        if (map != null) {
            map.setAvailable(seatId, available);
        }
    }

    void forget(String showId) {
        maps.remove(showId);
    }

    void created(String showId, Map<String, SeatRecord> seats) {
        maps.put(showId, SeatMap.build(seats));
    }

    private SeatMap load(String showId) {
        Map<String, SeatRecord> showSeats = new HashMap<>();
        seats.scanPrefix(Keys.showPrefix(showId), (key, seat) -> {
            showSeats.put(Keys.idOf(key), seat);
            return true;
        });
        return SeatMap.build(showSeats);
    }
}
