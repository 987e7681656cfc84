package com.seatledger.ledger.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The stores' binary format: varints, length-prefixed UTF-8 strings, millisecond instants. Small
 * and fast on purpose: every accepted command writes one such record, so its cost is per command.
 */
final class Bin {

    private Bin() {
    }

    /** A growable byte buffer with the writes the ledger's records need. */
    static final class Out {
        private byte[] buf;
        private int size;
        /** The oldest store format that can hold what was written ({@link StoreFormat}). */
        private int version = StoreFormat.OLDEST;

        Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, size);
        }

        /** Two header bytes, then what was written: one copy. */
        byte[] toBytes(int first, int second) {
            byte[] out = new byte[size + 2];
            out[0] = (byte) first;
            out[1] = (byte) second;
            System.arraycopy(buf, 0, out, 2, size);
            return out;
        }

        int size() {
            return size;
        }

        int version() {
            return version;
        }

        /** What is written (or appended) needs store format {@code v} or later. */
        Out needs(int v) {
            version = Math.max(version, v);
            return this;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        Out b(int v) {
            ensure(1);
            buf[size++] = (byte) v;
            return this;
        }

        /** Bytes as they are, no length. */
        Out raw(byte[] v) {
            ensure(v.length);
            System.arraycopy(v, 0, buf, size, v.length);
            size += v.length;
            return this;
        }

        Out bytes(byte[] v) {
            u(v.length);
            ensure(v.length);
            System.arraycopy(v, 0, buf, size, v.length);
            size += v.length;
            return this;
        }

        /** Unsigned varint (7 bits per byte). */
        Out u(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        Out bool(boolean v) {
            return b(v ? 1 : 0);
        }

        /** A string or null (length + 1, 0 meaning null). */
        Out s(String v) {
            if (v == null) {
                return u(0);
            }
            byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
            u(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
            return this;
        }

        /** An instant or null, as epoch millis + 1 (0 meaning null); the ledger's clock is milliseconds. */
        Out t(Instant v) {
            return u(v == null ? 0 : v.toEpochMilli() + 1);
        }

        /** A nullable int (zigzag + 1, 0 meaning null), so negative numbers stay short too. */
        Out n(Integer v) {
            return u(v == null ? 0 : ((((long) v) << 1) ^ (((long) v) >> 63)) + 1);
        }

        Out ints(int[] v) {
            u(v.length);
            for (int x : v) {
                u(x);
            }
            return this;
        }
    }

    /** Reads what {@link Out} wrote, in the same order. */
    static final class In {
        private final byte[] buf;
        private int pos;
        /** The store format the bytes were written in: what the reader must expect. */
        final int version;

        In(byte[] buf, int version) {
            this.buf = buf;
            this.version = version;
        }

        In(byte[] buf) {
            this(buf, StoreFormat.OLDEST);
        }

        boolean more() {
            return pos < buf.length;
        }

        int position() {
            return pos;
        }

        int b() {
            return buf[pos++] & 0xFF;
        }

        void skipBytes() {
            int n = (int) u();
            pos += n;
        }

        /**
         * Skips the next string (not null) and returns where its UTF-8 bytes are in {@link #array}:
         * {@code offset << 32 | length}. For reading ids without decoding them.
         */
        long skipString() {
            int n = (int) u() - 1;
            int at = pos;
            pos += n;
            return (long) at << 32 | n;
        }

        byte[] array() {
            return buf;
        }

        /** Everything not read yet. */
        byte[] rest() {
            byte[] v = Arrays.copyOfRange(buf, pos, buf.length);
            pos = buf.length;
            return v;
        }

        byte[] bytes() {
            int n = (int) u();
            byte[] v = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return v;
        }

        long u() {
            long v = 0;
            int shift = 0;
            while (true) {
                int x = buf[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int i() {
            return (int) u();
        }

        boolean bool() {
            return b() != 0;
        }

        String s() {
            int n = (int) u();
            if (n == 0) {
                return null;
            }
            String v = new String(buf, pos, n - 1, StandardCharsets.UTF_8);
            pos += n - 1;
            return v;
        }

        Instant t() {
            long v = u();
            return v == 0 ? null : Instant.ofEpochMilli(v - 1);
        }

        Integer n() {
            long v = u();
            if (v == 0) {
                return null;
            }
            long z = v - 1;
            return (int) ((z >>> 1) ^ -(z & 1));
        }

        int[] ints() {
            int[] v = new int[i()];
            for (int k = 0; k < v.length; k++) {
                v[k] = i();
            }
            return v;
        }
    }
}
