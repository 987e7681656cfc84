package com.seatledger.ledger.core;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflated store values. A value that is written once and then only read (a full idempotency
 * batch) is stored deflated: a crashed task restores every byte of its changelog into RocksDB and
 * reads the batches back to rebuild its index, so those bytes are most of a restart after a busy
 * evening. Ids, actors and times repeat from record to record, so a batch shrinks to a third or
 * less. A packed value starts with a zero byte, which no unpacked value of these ranges does
 * (they start with a string's length + 1), so values written before packing still read.
 */
final class Packed {

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private Packed() {
    }

    static byte[] pack(byte[] raw) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        Bin.Out head = new Bin.Out(8).b(0).u(raw.length);
        byte[] out = Arrays.copyOf(head.toBytes(), head.size() + raw.length / 2 + 64);
        int size = head.size();
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return size < raw.length ? Arrays.copyOf(out, size) : raw;
    }

    static boolean isPacked(byte[] value) {
        return value.length > 0 && value[0] == 0;
    }

    static byte[] unpack(byte[] value) {
        if (!isPacked(value)) {
            return value;
        }
        Bin.In in = new Bin.In(value);
        in.b();
        byte[] raw = new byte[in.i()];
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(value, in.position(), value.length - in.position());
        try {
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("a packed store value ends early");
                }
                n += got;
            }
            // the stream's end and checksum follow the last byte: a value cut short is not taken as whole
            if (inflater.inflate(new byte[1]) != 0 || !inflater.finished()) {
                throw new IllegalStateException("a packed store value does not end where it should");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed store value is corrupt", e);
        }
        return raw;
    }
}
