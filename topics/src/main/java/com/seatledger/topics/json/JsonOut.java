package com.seatledger.topics.json;

import java.util.Arrays;

/**
 * JSON written straight into a byte array, for the two records the ledger writes per command
 * ({@link OutputWriters}): no generator, context or stream per record, member names copied without
 * a check, numbers without a string. A string of plain printable ASCII is copied as it is;
 * any other string (quotes, backslashes, control characters, anything beyond ASCII) is
 * written by {@link Json#MAPPER} itself, so its escapes are always the mapper's.
 */
final class JsonOut {

    private byte[] buf;
    private int size;
    /** Per nesting level (bit = depth), whether it has a member or element already: a comma comes next. */
    private long filled;
    private int depth;
    /** A member's name was just written: its value takes no comma. */
    private boolean named;

    JsonOut(int capacity) {
        buf = new byte[capacity];
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    JsonOut beginObject() {
        separate();
        return open('{');
    }

    JsonOut endObject() {
        return close('}');
    }

    JsonOut beginArray() {
        separate();
        return open('[');
    }

    JsonOut endArray() {
        return close(']');
    }

    /** A member's name: one of the writers' own literals, plain ASCII, copied without a check. */
    JsonOut name(String name) {
        separate();
        int n = name.length();
        ensure(n + 3);
        buf[size++] = '"';
        name.getBytes(0, n, buf, size); // the chars' low bytes: the name is ASCII
        size += n;
        buf[size++] = '"';
        buf[size++] = ':';
        named = true;
        return this;
    }

    /** A member's name that is data (a map key such as a category): any text, escaped as a string value is. */
    JsonOut key(String key) {
        separate();
        quoted(key);
        put((byte) ':');
        named = true;
        return this;
    }

    /** {@code "name":"value"}, nothing if the value is null. */
    JsonOut string(String name, String value) {
        if (value != null) {
            name(name).string(value);
        }
        return this;
    }

    /** A string value (a member's, after {@link #name}, or an array's element). */
    JsonOut string(String value) {
        separate();
        quoted(value);
        return this;
    }

    JsonOut number(String name, long value) {
        name(name);
        separate();
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return this;
        }
        ensure(20);
        if (value < 0) {
            buf[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    JsonOut bool(String name, boolean value) {
        name(name);
        separate();
        ascii(value ? "true" : "false");
        return this;
    }

    /** The comma before a value where one is due, and the level's mark that it has one. */
    private void separate() {
        if (named) {
            named = false;
            return;
        }
        long bit = 1L << depth;
        if ((filled & bit) != 0) {
            put((byte) ',');
        }
        filled |= bit;
    }

    private JsonOut open(char c) {
        put((byte) c);
        depth++;
        filled &= ~(1L << depth);
        return this;
    }

    private JsonOut close(char c) {
        depth--;
        put((byte) c);
        return this;
    }

    private void quoted(String s) {
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                byte[] mapped = Json.MAPPER.writeValueAsBytes(s);
                ensure(mapped.length);
                System.arraycopy(mapped, 0, buf, size, mapped.length);
                size += mapped.length;
                return;
            }
            b[at++] = (byte) c;
        }
        b[at++] = '"';
        size = at;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
