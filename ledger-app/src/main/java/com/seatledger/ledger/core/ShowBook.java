package com.seatledger.ledger.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.seatledger.topics.message.ResultCode;

/**
 * The shows this ledger instance decides, in memory (the checks the rules share are in
 * {@link RuleChecks}). Every read is a lookup by the ids a command names.
 *
 * <p>Shows in the store are loaded lazily: a ledger made over a store (a restart, a rebalance) knows
 * their ids and loads each the first time it is named, or when {@link #loadNextWaiting} gets to it, so
 * a task with many shows starts deciding the first one's commands without loading all the others.
 */
final class ShowBook {

    private final Map<String, ShowState> shows = new HashMap<>();
    /** Ids of archived shows: never created again. */
    private final Set<String> archived = new HashSet<>();
    /** Shows in the store not loaded yet. */
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Function<String, ShowState> loader;

    ShowBook(Function<String, ShowState> loader) {
        this.loader = loader;
    }

    ShowState find(String showId) {
        ShowState show = shows.get(showId);
        return show == null && waiting.contains(showId) ? load(showId) : show;
    }

    private ShowState load(String showId) {
        ShowState show = loader.apply(showId);
        waiting.remove(showId);
        shows.put(showId, show);
        return show;
    }

    /** Shows in the store, to be loaded when named or by {@link #loadNextWaiting}. */
    void waiting(List<String> showIds) {
        waiting.addAll(showIds);
    }

    /** Loads the next waiting show, if any; returns how many it loaded (0 or 1). */
    int loadNextWaiting() {
        if (waiting.isEmpty()) {
            return 0;
        }
        load(waiting.iterator().next());
        return 1;
    }

    int waitingCount() {
        return waiting.size();
    }

    void put(ShowState show) {
        shows.put(show.showId, show);
    }

    void remove(String showId) {
        shows.remove(showId);
    }

    void archived(String showId) {
        archived.add(showId);
    }

    boolean isArchived(String showId) {
        return archived.contains(showId);
    }

    /** Shows in this book, loaded or not. */
    int size() {
        return shows.size() + waiting.size();
    }

    /** The loaded shows. */
    Iterable<ShowState> all() {
        return shows.values();
    }

    ShowState show(String showId) {
        ShowState show = find(showId);
        if (show == null) {
            throw new Reject(ResultCode.SHOW_NOT_FOUND, "no show " + showId);
        }
        return show;
    }

}
