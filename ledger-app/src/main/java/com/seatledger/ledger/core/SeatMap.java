package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory index of one show's seats by row, for best available and the orphan rule. It is
 * derived from the seats table (which stays the source of truth) and kept current by
 * {@link #setAvailable}. Per category it keeps, for k = 1..{@value #RUN_LEVELS}, the set of rows
 * holding a run of at least k available seats, so finding the front-most row that can seat a party
 * costs a bit scan, not a walk over the show.
 */
public final class SeatMap {

    static final int RUN_LEVELS = 16;

    /** Seats of one row, sorted by number; {@code available} is the only mutable part. */
    private static final class Row {
        final String[] ids;
        final int[] numbers;
        final String[] categories;
        final boolean[] available;
        /** min + max seat number: twice the row's centre, kept whole to compare without rounding. */
        final int centre2;

        Row(List<Seat> seats) {
            int n = seats.size();
            ids = new String[n];
            numbers = new int[n];
            categories = new String[n];
            available = new boolean[n];
            for (int i = 0; i < n; i++) {
                Seat s = seats.get(i);
                ids[i] = s.id;
                numbers[i] = s.record.number();
                categories[i] = s.record.category();
                available[i] = s.record.isAvailable();
            }
            centre2 = numbers[0] + numbers[n - 1];
        }

        /** True when p - 1 is p's neighbour (consecutive number), not a row end or a gap. */
        boolean linkedLeft(int p) {
            return p > 0 && numbers[p - 1] == numbers[p] - 1;
        }

        boolean linkedRight(int p) {
            return p < numbers.length - 1 && numbers[p + 1] == numbers[p] + 1;
        }

        int maxRun(String category) {
            int best = 0;
            int run = 0;
            for (int p = 0; p < ids.length; p++) {
                if (available[p] && categories[p].equals(category)) {
                    run = run > 0 && linkedLeft(p) ? run + 1 : 1;
                    best = Math.max(best, run);
                } else {
                    run = 0;
                }
            }
            return best;
        }
    }

    private record Seat(String id, SeatRecord record) {
    }

    /** What a best-available search found: seats, or why not. */
    public record Choice(List<String> seatIds, boolean blockedByOrphans) {
    }

    private final Row[] rows;
    /** seatId -> row index << 32 | position in row. */
    private final Map<String, Long> where = new HashMap<>();
    private final Map<String, BitSet[]> runsByCategory = new HashMap<>();

    private SeatMap(Row[] rows) {
        this.rows = rows;
        for (int r = 0; r < rows.length; r++) {
            for (int p = 0; p < rows[r].ids.length; p++) {
                where.put(rows[r].ids[p], ((long) r << 32) | p);
            }
        }
        for (int r = 0; r < rows.length; r++) {
            for (String category : new java.util.HashSet<>(List.of(rows[r].categories))) {
                reindex(r, category);
            }
        }
    }

    /** Builds the index from a show's seats in any order. */
    public static SeatMap build(Map<String, SeatRecord> seats) {
        Map<String, List<Seat>> byRow = new HashMap<>();
        Map<String, Integer> firstOrdinal = new HashMap<>();
        seats.forEach((id, rec) -> {
            String rowKey = rec.section() + '\u0000' + rec.row();
            byRow.computeIfAbsent(rowKey, k -> new ArrayList<>()).add(new Seat(id, rec));
            firstOrdinal.merge(rowKey, rec.ordinal(), Math::min);
        });
        Row[] rows = byRow.entrySet().stream()
                .sorted(Comparator.comparing(e -> firstOrdinal.get(e.getKey())))
                .map(e -> {
                    e.getValue().sort(Comparator.comparingInt(s -> s.record.number()));
                    return new Row(e.getValue());
                })
                .toArray(Row[]::new);
        return new SeatMap(rows);
    }

    public void setAvailable(String seatId, boolean available) {
        long at = where.get(seatId);
        int r = (int) (at >>> 32);
        int p = (int) at;
        if (rows[r].available[p] != available) {
            rows[r].available[p] = available;
            reindex(r, rows[r].categories[p]);
        }
    }

    private void reindex(int r, String category) {
        BitSet[] levels = runsByCategory.computeIfAbsent(category, c -> {
            BitSet[] l = new BitSet[RUN_LEVELS];
            for (int k = 0; k < RUN_LEVELS; k++) {
                l[k] = new BitSet(rows.length);
            }
            return l;
        });
        int run = rows[r].maxRun(category);
        for (int k = 0; k < RUN_LEVELS; k++) {
            levels[k].set(r, run >= k + 1);
        }
    }

    /**
     * Rows that may seat {@code quantity} (adjacent) or at least one seat of the category, plus
     * the rows of seats being freed, which the index does not count as available yet.
     */
    private BitSet candidateRows(String category, int level, Set<String> freeing) {
        BitSet[] levels = runsByCategory.get(category);
        BitSet rowsFound = levels == null ? new BitSet() : levels[Math.min(level, RUN_LEVELS) - 1];
        if (freeing.isEmpty()) {
            return rowsFound;
        }
        BitSet merged = (BitSet) rowsFound.clone();
        for (String id : freeing) {
            merged.set((int) (where.get(id) >>> 32));
        }
        return merged;
    }

    /**
     * Best adjacent run (SPEC §4.3): the front-most row with a run of {@code quantity} seats of the
     * category, and in it the run nearest the row's centre, ties to lower numbers. With
     * {@code preventOrphans}, runs that would strand a single seat are passed over.
     */
    public Choice bestAdjacent(String category, int quantity, boolean preventOrphans, Set<String> freeing) {
        BitSet candidates = candidateRows(category, quantity, freeing);
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Row row = rows[r];
            int bestStart = -1;
            int bestDistance = Integer.MAX_VALUE;
            int run = 0;
            for (int p = 0; p < row.ids.length; p++) {
                boolean free = row.categories[p].equals(category)
                        && (row.available[p] || freeing.contains(row.ids[p]));
                run = free ? (run > 0 && row.linkedLeft(p) ? run + 1 : 1) : 0;
                if (run < quantity) {
                    continue;
                }
                int start = p - quantity + 1;
                int distance = Math.abs(row.numbers[start] + row.numbers[p] - row.centre2);
                if (distance >= bestDistance) {
                    continue;
                }
                if (preventOrphans && !stranded(r, start, p, freeing).isEmpty()) {
                    orphanBlocked = true;
                    continue;
                }
                bestStart = start;
                bestDistance = distance;
            }
            if (bestStart >= 0) {
                return new Choice(List.of(row.ids).subList(bestStart, bestStart + quantity), false);
            }
        }
        return new Choice(List.of(), orphanBlocked);
    }

    /**
     * Best seats even if split: front to back, and in a row centre out (ties to lower numbers).
     * With {@code preventOrphans} a seat is skipped when taking it would strand its neighbour.
     */
    public Choice bestSplit(String category, int quantity, boolean preventOrphans, Set<String> freeing) {
        BitSet candidates = candidateRows(category, 1, freeing);
        List<String> chosen = new ArrayList<>();
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0 && chosen.size() < quantity; r = candidates.nextSetBit(r + 1)) {
            Row row = rows[r];
            List<Integer> order = new ArrayList<>();
            for (int p = 0; p < row.ids.length; p++) {
                if (row.categories[p].equals(category) && (row.available[p] || freeing.contains(row.ids[p]))) {
                    order.add(p);
                }
            }
            order.sort(Comparator.<Integer>comparingInt(p -> Math.abs(2 * row.numbers[p] - row.centre2))
                    .thenComparingInt(p -> row.numbers[p]));
            for (int p : order) {
                if (chosen.size() == quantity) {
                    break;
                }
                chosen.add(row.ids[p]);
                if (preventOrphans && !strandedBy(Set.copyOf(chosen), freeing).isEmpty()) {
                    chosen.remove(chosen.size() - 1);
                    orphanBlocked = true;
                }
            }
        }
        return chosen.size() == quantity ? new Choice(chosen, false) : new Choice(List.of(), orphanBlocked);
    }

    /** Seats of one row stranded by taking positions start..end (with {@code freeing} freed). */
    private List<String> stranded(int r, int start, int end, Set<String> freeing) {
        Set<String> taking = new java.util.HashSet<>(List.of(rows[r].ids).subList(start, end + 1));
        return strandedBy(taking, freeing);
    }

    /**
     * The orphan rule (SPEC §4.4): seats that would be a single AVAILABLE seat between two
     * unavailable seats, or between one and a row end, after {@code taking} become unavailable and
     * {@code freeing} available, and that were not such an orphan before. Only the changed seats
     * and their neighbours can change, so only they are looked at.
     */
    public List<String> strandedBy(Set<String> taking, Set<String> freeing) {
        Map<String, Boolean> after = new HashMap<>();
        freeing.forEach(id -> after.put(id, true));
        taking.forEach(id -> after.put(id, false));
        Map<Long, Boolean> looked = new LinkedHashMap<>();
        for (String id : after.keySet()) {
            long at = where.get(id);
            int r = (int) (at >>> 32);
            int p = (int) at;
            Row row = rows[r];
            looked.put(at, true);
            if (row.linkedLeft(p)) {
                looked.put(at - 1, true);
            }
            if (row.linkedRight(p)) {
                looked.put(at + 1, true);
            }
        }
        List<String> stranded = new ArrayList<>();
        for (long at : looked.keySet()) {
            Row row = rows[(int) (at >>> 32)];
            int p = (int) at;
            if (isOrphan(row, p, q -> after.getOrDefault(row.ids[q], row.available[q]))
                    && !isOrphan(row, p, q -> row.available[q])) {
                stranded.add(row.ids[p]);
            }
        }
        return stranded;
    }

    private static boolean isOrphan(Row row, int p, java.util.function.IntPredicate available) {
        if (!available.test(p)) {
            return false;
        }
        boolean left = row.linkedLeft(p);
        boolean right = row.linkedRight(p);
        if (!left && !right) {
            return false; // a lone seat between two ends is not stranded by anyone
        }
        return (!left || !available.test(p - 1)) && (!right || !available.test(p + 1));
    }
}
