package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One show's seats by row, for best available and the orphan rule, over {@link ShowState}'s
 * arrays (seat indexes, statuses). Per category it keeps, for k = 1..{@value #RUN_LEVELS}, the set
 * of rows holding a run of at least k available seats, so finding the front-most row that can seat
 * a party costs a bit scan, not a walk over the show. {@link #changed} keeps it current.
 */
final class SeatMap {

    static final int RUN_LEVELS = 16;

    /** What a best-available search found: seat indexes, or why not. */
    record Choice(int[] seats, boolean blockedByOrphans) {
    }

    private final ShowState show;
    /** Each row's seats, sorted by number. */
    private final int[][] rows;
    /** Each seat's position in its row. */
    private final int[] posOf;
    /** Per row, min + max seat number: twice the row's centre, kept whole to compare without rounding. */
    private final int[] centre2;
    /** [category][k - 1]: rows with a run of at least k available seats of the category. */
    private final BitSet[][] runs;

    SeatMap(ShowState show) {
        this.show = show;
        int rowCount = show.rowSections.length;
        int[] sizes = new int[rowCount];
        for (int r : show.rowOf) {
            sizes[r]++;
        }
        Integer[][] byRow = new Integer[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            byRow[r] = new Integer[sizes[r]];
            sizes[r] = 0;
        }
        for (int s = 0; s < show.rowOf.length; s++) {
            int r = show.rowOf[s];
            byRow[r][sizes[r]++] = s;
        }
        rows = new int[rowCount][];
        posOf = new int[show.rowOf.length];
        centre2 = new int[rowCount];
        for (int r = 0; r < rowCount; r++) {
            Arrays.sort(byRow[r], Comparator.comparingInt(s -> show.numbers[s]));
            rows[r] = Arrays.stream(byRow[r]).mapToInt(Integer::intValue).toArray();
            for (int p = 0; p < rows[r].length; p++) {
                posOf[rows[r][p]] = p;
            }
            centre2[r] = show.numbers[rows[r][0]] + show.numbers[rows[r][rows[r].length - 1]];
        }
        runs = new BitSet[show.categories.length][RUN_LEVELS];
        for (BitSet[] levels : runs) {
            for (int k = 0; k < RUN_LEVELS; k++) {
                levels[k] = new BitSet(rowCount);
            }
        }
        rebuild();
    }

    /** Re-reads every row (after a checkpoint is restored). */
    void rebuild() {
        for (int r = 0; r < rows.length; r++) {
            Set<Integer> cats = new LinkedHashSet<>();
            for (int s : rows[r]) {
                cats.add((int) show.categoryOf[s]);
            }
            for (int c : cats) {
                reindex(r, c);
            }
        }
    }

    /** A seat became available or unavailable. */
    void changed(int seat) {
        reindex(show.rowOf[seat], show.categoryOf[seat]);
    }

    private boolean linkedLeft(int[] row, int p) {
        return p > 0 && show.numbers[row[p - 1]] == show.numbers[row[p]] - 1;
    }

    private boolean linkedRight(int[] row, int p) {
        return p < row.length - 1 && show.numbers[row[p + 1]] == show.numbers[row[p]] + 1;
    }

    private void reindex(int r, int category) {
        int[] row = rows[r];
        int best = 0;
        int run = 0;
        for (int p = 0; p < row.length; p++) {
            if (show.available(row[p]) && show.categoryOf[row[p]] == category) {
                run = run > 0 && linkedLeft(row, p) ? run + 1 : 1;
                best = Math.max(best, run);
            } else {
                run = 0;
            }
        }
        BitSet[] levels = runs[category];
        for (int k = 0; k < RUN_LEVELS; k++) {
            levels[k].set(r, best >= k + 1);
        }
    }

    /** Rows that may seat the party, plus the rows of seats being freed, which the index does not count yet. */
    private BitSet candidateRows(int category, int level, int[] freeing) {
        BitSet found = runs[category][Math.min(level, RUN_LEVELS) - 1];
        if (freeing.length == 0) {
            return found;
        }
        BitSet merged = (BitSet) found.clone();
        for (int s : freeing) {
            merged.set(show.rowOf[s]);
        }
        return merged;
    }

    private boolean free(int seat, int category, int[] freeing) {
        return show.categoryOf[seat] == category && (show.available(seat) || RuleChecks.contains(freeing, seat));
    }

    /**
     * Best adjacent run: the front-most row with a run of {@code quantity} seats of the category,
     * and in it the run nearest the row's centre, ties to lower numbers. With {@code preventOrphans},
     * runs that would strand a single seat are passed over. {@code freeing} (sorted) counts as available.
     */
    Choice bestAdjacent(int category, int quantity, boolean preventOrphans, int[] freeing) {
        BitSet candidates = candidateRows(category, quantity, freeing);
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            int[] row = rows[r];
            int bestStart = -1;
            int bestDistance = Integer.MAX_VALUE;
            int run = 0;
            for (int p = 0; p < row.length; p++) {
                run = free(row[p], category, freeing) ? (run > 0 && linkedLeft(row, p) ? run + 1 : 1) : 0;
                if (run < quantity) {
                    continue;
                }
                int start = p - quantity + 1;
                int distance = Math.abs(show.numbers[row[start]] + show.numbers[row[p]] - centre2[r]);
                if (distance >= bestDistance) {
                    continue;
                }
                if (preventOrphans && strandedBy(Arrays.copyOfRange(row, start, p + 1), freeing).length > 0) {
                    orphanBlocked = true;
                    continue;
                }
                bestStart = start;
                bestDistance = distance;
            }
            if (bestStart >= 0) {
                return new Choice(Arrays.copyOfRange(row, bestStart, bestStart + quantity), false);
            }
        }
        return new Choice(new int[0], orphanBlocked);
    }

    /**
     * Best seats even if split: front to back, and in a row centre out (ties to lower numbers).
     * With {@code preventOrphans} a seat is skipped when taking it would strand its neighbour.
     */
    Choice bestSplit(int category, int quantity, boolean preventOrphans, int[] freeing) {
        BitSet candidates = candidateRows(category, 1, freeing);
        int[] chosen = new int[quantity];
        int n = 0;
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0 && n < quantity; r = candidates.nextSetBit(r + 1)) {
            int[] row = rows[r];
            int centre = centre2[r];
            List<Integer> order = new ArrayList<>();
            for (int s : row) {
                if (free(s, category, freeing)) {
                    order.add(s);
                }
            }
            order.sort(Comparator.<Integer>comparingInt(s -> Math.abs(2 * show.numbers[s] - centre))
                    .thenComparingInt(s -> show.numbers[s]));
            for (int s : order) {
                if (n == quantity) {
                    break;
                }
                chosen[n] = s;
                if (preventOrphans && strandedBy(Arrays.copyOf(chosen, n + 1), freeing).length > 0) {
                    orphanBlocked = true;
                } else {
                    n++;
                }
            }
        }
        return n == quantity ? new Choice(chosen, false) : new Choice(new int[0], orphanBlocked);
    }

    /**
     * The orphan rule: seats that would be a single AVAILABLE seat between two unavailable seats,
     * or between one and a row end, after {@code taking} become unavailable and {@code freeing}
     * available, and that were not such an orphan before. Only the changed seats and their
     * neighbours can change, so only they are looked at.
     */
    int[] strandedBy(int[] taking, int[] freeing) {
        Map<Integer, Boolean> after = new HashMap<>();
        for (int s : freeing) {
            after.put(s, true);
        }
        for (int s : taking) {
            after.put(s, false);
        }
        Set<Integer> looked = new LinkedHashSet<>();
        for (int s : after.keySet()) {
            int[] row = rows[show.rowOf[s]];
            int p = posOf[s];
            looked.add(s);
            if (linkedLeft(row, p)) {
                looked.add(row[p - 1]);
            }
            if (linkedRight(row, p)) {
                looked.add(row[p + 1]);
            }
        }
        int[] stranded = new int[looked.size()];
        int n = 0;
        for (int s : looked) {
            int[] row = rows[show.rowOf[s]];
            int p = posOf[s];
            if (isOrphan(row, p, q -> after.getOrDefault(row[q], show.available(row[q])))
                    && !isOrphan(row, p, q -> show.available(row[q]))) {
                stranded[n++] = s;
            }
        }
        return Arrays.copyOf(stranded, n);
    }

    private boolean isOrphan(int[] row, int p, IntPredicate available) {
        if (!available.test(p)) {
            return false;
        }
        boolean left = linkedLeft(row, p);
        boolean right = linkedRight(row, p);
        if (!left && !right) {
            return false; // a lone seat between two ends is not stranded by anyone
        }
        return (!left || !available.test(p - 1)) && (!right || !available.test(p + 1));
    }
}
