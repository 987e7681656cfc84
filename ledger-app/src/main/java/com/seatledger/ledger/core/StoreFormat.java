package com.seatledger.ledger.core;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The envelope of every value the ledger stores: its format version, then how the body is encoded
 * (as written, or deflated), then the body ({@link Codec}, {@link Bin}). A reader refuses a version it
 * does not know with {@link UnknownStoreFormat} instead of guessing: the format changes only by a
 * new version, whose readers keep reading every version released before it (docs/upgrading.md).
 *
 * <p>Format 2 is format 1 plus what channels and seat attributes need, in sections that only a
 * format-2 value has. A value is written in the oldest format that can hold it ({@link Bin.Out#needs}):
 * a show without channels or attributes is stored exactly as 0.1.0 stored it, so during a rolling
 * upgrade an instance of the previous release can still take over any task that does not use them.
 *
 * <p>Values written once and then only read (a full journal page, a full idempotency batch, a
 * layout, a checkpoint) are deflated: a crashed task restores every byte of its changelog into
 * RocksDB, so those bytes are most of a restart after a busy evening. Ids, actors and times repeat
 * from record to record, so such values shrink to a third or less.
 */
final class StoreFormat {

    /** The newest format this release reads and writes. */
    static final int VERSION = 2;
    /** The oldest format this release reads. A value is written in the oldest format that can hold it. */
    static final int OLDEST = 1;

    private static final int PLAIN = 0;
    private static final int DEFLATED = 1;

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private StoreFormat() {
    }

    /** {@code body} as stored, as it is, in the oldest format that holds it. */
    static byte[] plain(Bin.Out body) {
        return body.toBytes(body.version(), PLAIN);
    }

    /** {@code body} as stored, as it is, in the oldest format that holds it. */
    static byte[] deflated(Bin.Out body) {
        return deflated(body.toBytes(), body.version());
    }

    /** {@code body} (of format {@code version}) as stored, as it is. */
    static byte[] plain(byte[] body, int version) {
        return new Bin.Out(body.length + 2).raw(body).toBytes(version, PLAIN);
    }

    /** {@code body} (of format {@code version}) as stored, deflated unless that would not make it smaller. */
    static byte[] deflated(byte[] body, int version) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(body);
        deflater.finish();
        Bin.Out head = new Bin.Out(16).b(version).b(DEFLATED).u(body.length);
        byte[] out = Arrays.copyOf(head.toBytes(), head.size() + body.length / 2 + 64);
        int size = head.size();
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return size < body.length + 2 ? Arrays.copyOf(out, size) : plain(body, version);
    }

    /** The stored value's format version (one this release reads: see {@link #checkVersion}). */
    static int version(byte[] stored) {
        return stored[0] & 0xFF;
    }

    /** A reader of the stored value's body that knows the body's format. */
    static Bin.In read(String key, byte[] stored) {
        return new Bin.In(body(key, stored), version(stored));
    }

    static boolean isDeflated(byte[] stored) {
        return stored.length > 1 && stored[1] == DEFLATED;
    }

    /** The body of a stored value; {@code key} names it in the error when its format is unknown. */
    static byte[] body(String key, byte[] stored) {
        checkVersion(key, stored);
        if (stored.length < 2) {
            throw new IllegalStateException("the stored value of " + key + " ends before its encoding");
        }
        return switch (stored[1]) {
            case PLAIN -> Arrays.copyOfRange(stored, 2, stored.length);
            case DEFLATED -> inflate(key, stored);
            default -> throw new UnknownStoreFormat("the stored value of " + key + " has encoding " + stored[1]
                    + ", which format " + version(stored) + " does not have");
        };
    }

    /** Throws {@link UnknownStoreFormat} unless {@code stored} is of the format this release reads. */
    static void checkVersion(String key, byte[] stored) {
        int version = stored.length == 0 ? -1 : stored[0] & 0xFF;
        if (version < OLDEST || version > VERSION) {
            throw new UnknownStoreFormat("the stored value of " + key + " has format version " + version
                    + "; this release reads formats " + OLDEST + " to " + VERSION + " only (was it written by a newer "
                    + "release? see docs/upgrading.md on downgrades)");
        }
    }

    private static byte[] inflate(String key, byte[] stored) {
        Bin.In in = new Bin.In(stored);
        in.b();
        in.b();
        byte[] raw = new byte[in.i()];
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(stored, in.position(), stored.length - in.position());
        try {
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("the stored value of " + key + " ends early");
                }
                n += got;
            }
            // the stream's end and checksum follow the last byte: a value cut short is not taken as whole
            if (inflater.inflate(new byte[1]) != 0 || !inflater.finished()) {
                throw new IllegalStateException("the stored value of " + key + " does not end where it should");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("the stored value of " + key + " is corrupt", e);
        }
        return raw;
    }
}
