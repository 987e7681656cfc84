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

import com.seatledger.topics.message.SeatAttributes;

/**
 * One show's seats by row, for best available and the orphan rule, over {@link ShowState}'s
 * arrays (seat indexes, statuses, channels, attributes). Seats are indexed by lane (category and
 * channel: best available picks within one). Per lane it keeps, for k = 1..{@value #RUN_LEVELS},
 * the set of rows holding a run of at least k available seats of three kinds: plain seats (no
 * wheelchair, companion or restricted-view attribute), "open" seats (plain or restricted view) and
 * any seats; so finding the front-most row that can seat a party costs a bit scan, not a walk over
 * the show. {@link #changed} and {@link #channelChanged} keep it current.
 */
final class SeatMap {

    static final int RUN_LEVELS = 16;
    private static final int PLAIN = 0;
    private static final int OPEN = 1;
    private static final int ANY = 2;

    /** What a best-available search found: seat indexes, or why not. */
    record Choice(int[] seats, boolean blockedByOrphans) {
    }

    /**
     * What best available is asked for: {@code quantity} seats of a category within a channel,
     * whose attribute sets pass {@code sets} (see {@link #search}), plus {@code companions}
     * COMPANION seats next to them.
     */
    record Want(int category, int channel, int quantity, boolean adjacent, int companions) {
    }

    /**
     * Per lane, [kind][k - 1]: rows with a run of at least k available seats of that kind; and per
     * attribute, the rows with an available seat that has it (what {@code require} narrows to).
     */
    private final class Lane {
        final BitSet[][] runs = new BitSet[3][RUN_LEVELS];
        final Map<String, BitSet> withAttribute = new HashMap<>();

        Lane() {
            for (BitSet[] levels : runs) {
                for (int k = 0; k < RUN_LEVELS; k++) {
                    levels[k] = new BitSet(rows.length);
                }
            }
        }
    }

    private final ShowState show;
    /** Each row's seats, sorted by number. */
    private final int[][] rows;
    /** Each seat's position in its row. */
    private final int[] posOf;
    /** Per row, min + max seat number: twice the row's centre, kept whole to compare without rounding. */
    private final int[] centre2;
    /** By {@link #laneKey}. */
    private final Map<Integer, Lane> lanes = new HashMap<>();
    /** The attributes any seat of the show has (fixed at CREATE; at most 64 are indexed). */
    private final List<String> attributes;
    /** Per attribute set of the show: its attributes as bits of {@link #attributes}' indexes. */
    private final long[] setBits;
    /** Every attribute any seat has, indexed or not. */
    private final Set<String> anySeatHas;

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
        List<String> all = Arrays.stream(show.attributeSets).flatMap(Arrays::stream).distinct().toList();
        attributes = all.subList(0, Math.min(64, all.size()));
        anySeatHas = Set.copyOf(all);
        setBits = new long[show.attributeSets.length];
        for (int k = 0; k < setBits.length; k++) {
            for (String a : show.attributeSets[k]) {
                int i = attributes.indexOf(a);
                setBits[k] |= i < 0 ? 0 : 1L << i;
            }
        }
        rebuild();
    }

    private static int laneKey(int category, int channel) {
        return channel << 16 | category;
    }

    private int laneOf(int seat) {
        return laneKey(show.categoryOf[seat], show.channels.of(seat));
    }

    /** Re-reads every row (after a checkpoint is restored, or channels set up). */
    void rebuild() {
        lanes.clear();
        for (int r = 0; r < rows.length; r++) {
            Set<Integer> keys = new LinkedHashSet<>();
            for (int s : rows[r]) {
                keys.add(laneOf(s));
            }
            for (int key : keys) {
                reindex(r, key);
            }
        }
    }

    /** A seat became available or unavailable. */
    void changed(int seat) {
        reindex(show.rowOf[seat], laneOf(seat));
    }

    /** A seat moved from channel {@code from} to the one it has now. */
    void channelChanged(int seat, int from) {
        reindex(show.rowOf[seat], laneKey(show.categoryOf[seat], from));
        reindex(show.rowOf[seat], laneOf(seat));
    }

    private boolean linkedLeft(int[] row, int p) {
        return p > 0 && show.numbers[row[p - 1]] == show.numbers[row[p]] - 1;
    }

    private boolean linkedRight(int[] row, int p) {
        return p < row.length - 1 && show.numbers[row[p + 1]] == show.numbers[row[p]] + 1;
    }

    private void reindex(int r, int key) {
        int[] row = rows[r];
        int[] best = new int[3];
        int[] run = new int[3];
        long present = 0;
        for (int p = 0; p < row.length; p++) {
            int s = row[p];
            boolean free = show.available(s) && laneOf(s) == key;
            if (free) {
                present |= setBits[show.attributesOf(s)];
            }
            int flags = free ? show.attributeFlags[show.attributesOf(s)] : 0;
            boolean linked = linkedLeft(row, p);
            for (int kind = 0; kind < 3; kind++) {
                boolean fits = free && switch (kind) {
                    case PLAIN -> flags == 0;
                    case OPEN -> (flags & (ShowState.WHEELCHAIR | ShowState.COMPANION)) == 0;
                    default -> true;
                };
                run[kind] = fits ? (run[kind] > 0 && linked ? run[kind] + 1 : 1) : 0;
                best[kind] = Math.max(best[kind], run[kind]);
            }
        }
        Lane lane = lanes.get(key);
        if (lane == null) {
            if (best[ANY] == 0) {
                return;
            }
            lanes.put(key, lane = new Lane());
        }
        for (int kind = 0; kind < 3; kind++) {
            for (int k = 0; k < RUN_LEVELS; k++) {
                lane.runs[kind][k].set(r, best[kind] >= k + 1);
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            boolean has = (present >>> i & 1) != 0;
            BitSet rowsOf = lane.withAttribute.get(attributes.get(i));
            if (has || rowsOf != null) {
                lane.withAttribute.computeIfAbsent(attributes.get(i), x -> new BitSet(rows.length)).set(r, has);
            }
        }
    }

    /**
     * Best available: the seats of {@code want}, first without restricted-view seats, then (unless
     * {@code mayUseRestricted} is false) with them. {@code require}/{@code avoid} are attribute ids;
     * WHEELCHAIR and COMPANION seats are only chosen when required. {@code freeing} (sorted) counts
     * as available.
     */
    Choice search(Want want, List<String> require, List<String> avoid, boolean preventOrphans, int[] freeing) {
        boolean restrictedRequired = require.contains(SeatAttributes.RESTRICTED_VIEW);
        boolean special = require.contains(SeatAttributes.WHEELCHAIR) || require.contains(SeatAttributes.COMPANION);
        Choice first = search(want, sets(require, avoid, restrictedRequired), special ? ANY : restrictedRequired ? OPEN
                : PLAIN, require, preventOrphans, freeing);
        if (first.seats.length > 0 || restrictedRequired || avoid.contains(SeatAttributes.RESTRICTED_VIEW)) {
            return first;
        }
        Choice second = search(want, sets(require, avoid, true), special ? ANY : OPEN, require, preventOrphans, freeing);
        return second.seats.length > 0 ? second : new Choice(second.seats, first.blockedByOrphans || second.blockedByOrphans);
    }

    /** Which attribute sets a chosen seat may have. */
    private boolean[] sets(List<String> require, List<String> avoid, boolean restrictedAllowed) {
        boolean[] ok = new boolean[show.attributeSets.length];
        for (int k = 0; k < ok.length; k++) {
            List<String> has = List.of(show.attributeSets[k]);
            int flags = show.attributeFlags[k];
            ok[k] = has.containsAll(require) && avoid.stream().noneMatch(has::contains)
                    && ((flags & ShowState.WHEELCHAIR) == 0 || require.contains(SeatAttributes.WHEELCHAIR))
                    && ((flags & ShowState.COMPANION) == 0 || require.contains(SeatAttributes.COMPANION))
                    && ((flags & ShowState.RESTRICTED_VIEW) == 0 || restrictedAllowed);
        }
        return ok;
    }

    private Choice search(Want want, boolean[] sets, int kind, List<String> require, boolean preventOrphans,
            int[] freeing) {
        BitSet candidates = candidateRows(want, kind, want.adjacent() ? want.quantity() : 1, require, freeing);
        return want.adjacent() ? bestAdjacent(want, sets, candidates, preventOrphans, freeing)
                : bestSplit(want, sets, candidates, preventOrphans, freeing);
    }

    /**
     * Rows that may seat the party: those with a long enough run of the kind and an available seat
     * with every required attribute, plus the rows of seats being freed, which the index does not
     * count yet.
     */
    private BitSet candidateRows(Want want, int kind, int level, List<String> require, int[] freeing) {
        Lane lane = lanes.get(laneKey(want.category(), want.channel()));
        BitSet found = lane == null ? new BitSet() : (BitSet) lane.runs[kind][Math.min(level, RUN_LEVELS) - 1].clone();
        for (String a : require) {
            if (!anySeatHas.contains(a)) {
                found.clear();
                break;
            }
            if (!attributes.contains(a)) {
                continue; // past the 64 indexed attributes of a show: the rows are read instead
            }
            BitSet with = lane == null ? null : lane.withAttribute.get(a);
            if (with == null) {
                found.clear();
            } else {
                found.and(with);
            }
        }
        for (int s : freeing) {
            found.set(show.rowOf[s]);
        }
        return found;
    }

    private boolean free(int seat, Want want, boolean[] sets, int[] freeing) {
        return show.categoryOf[seat] == want.category() && show.channels.of(seat) == want.channel()
                && sets[show.attributesOf(seat)] && (show.available(seat) || RuleChecks.contains(freeing, seat));
    }

    /**
     * Best adjacent run: the front-most row with a run of {@code quantity} seats, and in it the run
     * nearest the row's centre, ties to lower numbers, that has its companions. With
     * {@code preventOrphans}, runs that would strand a single seat are passed over.
     */
    private Choice bestAdjacent(Want want, boolean[] sets, BitSet candidates, boolean preventOrphans, int[] freeing) {
        int quantity = want.quantity();
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            int[] row = rows[r];
            int[] best = null;
            int bestDistance = Integer.MAX_VALUE;
            int run = 0;
            for (int p = 0; p < row.length; p++) {
                run = free(row[p], want, sets, freeing) ? (run > 0 && linkedLeft(row, p) ? run + 1 : 1) : 0;
                if (run < quantity) {
                    continue;
                }
                int start = p - quantity + 1;
                int distance = Math.abs(show.numbers[row[start]] + show.numbers[row[p]] - centre2[r]);
                if (distance >= bestDistance) {
                    continue;
                }
                int[] chosen = withCompanions(row, start, p, want, freeing);
                if (chosen == null) {
                    continue;
                }
                if (preventOrphans && strandedBy(chosen, freeing).length > 0) {
                    orphanBlocked = true;
                    continue;
                }
                best = chosen;
                bestDistance = distance;
            }
            if (best != null) {
                return new Choice(best, false);
            }
        }
        return new Choice(new int[0], orphanBlocked);
    }

    /**
     * The run at positions {@code from..to} of the row plus {@code companions} free COMPANION seats of
     * the lane right after it, then right before it, next to each other; null when there are too few.
     */
    private int[] withCompanions(int[] row, int from, int to, Want want, int[] freeing) {
        int[] chosen = Arrays.copyOfRange(row, from, to + 1 + want.companions());
        int n = to - from + 1;
        for (int p = to; n < chosen.length && linkedRight(row, p) && companion(row[p + 1], want, freeing); p++) {
            chosen[n++] = row[p + 1];
        }
        for (int p = from; n < chosen.length && linkedLeft(row, p) && companion(row[p - 1], want, freeing); p--) {
            chosen[n++] = row[p - 1];
        }
        return n == chosen.length ? chosen : null;
    }

    private boolean companion(int seat, Want want, int[] freeing) {
        return (show.attributeFlags[show.attributesOf(seat)] & ShowState.COMPANION) != 0
                && show.categoryOf[seat] == want.category() && show.channels.of(seat) == want.channel()
                && (show.available(seat) || RuleChecks.contains(freeing, seat));
    }

    /**
     * Best seats even if split: front to back, and in a row centre out (ties to lower numbers).
     * With {@code preventOrphans} a seat is skipped when taking it would strand its neighbour.
     */
    private Choice bestSplit(Want want, boolean[] sets, BitSet candidates, boolean preventOrphans, int[] freeing) {
        int quantity = want.quantity();
        int[] chosen = new int[quantity];
        int n = 0;
        boolean orphanBlocked = false;
        for (int r = candidates.nextSetBit(0); r >= 0 && n < quantity; r = candidates.nextSetBit(r + 1)) {
            int[] row = rows[r];
            int centre = centre2[r];
            List<Integer> order = new ArrayList<>();
            for (int s : row) {
                if (free(s, want, sets, freeing)) {
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
