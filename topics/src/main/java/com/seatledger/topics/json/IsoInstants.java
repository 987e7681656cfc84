package com.seatledger.topics.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes the contract's timestamps (UTC, {@code 2026-11-21T10:00:00.123Z}) without
 * {@link java.time.format.DateTimeFormatter}: every command carries one and every result and event
 * several, and the formatter's general machinery (a parse context, a map of fields, a string
 * builder) was a few per cent of what the ledger spends on a command. Only the plain form is done
 * here; anything else (years past 9999, a 24:00 or leap second, an offset) goes to
 * {@link Instant#parse} and {@link Instant#toString}, so the results are theirs in every case
 * ({@code IsoInstantsTest} holds them to that).
 */
public final class IsoInstants {

    private static final int DATE_TIME = "2026-11-21T10:00:00".length();

    private IsoInstants() {
    }

    /** What {@link Instant#parse} returns for {@code s}, and throws what it throws. */
    public static Instant parse(String s) {
        int n = s.length();
        if (n < DATE_TIME + 1 || n > DATE_TIME + 11 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-'
                || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nano = fraction(s, n - 1);
        if ((year | month | day | hour | minute | second | nano) < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return Instant.parse(s);
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nano);
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Nanoseconds of the fraction ending at {@code end} (0 when there is none), or -1 if it is not one. */
    private static int fraction(String s, int end) {
        if (end == DATE_TIME) {
            return 0;
        }
        if (s.charAt(DATE_TIME) != '.' || end == DATE_TIME + 1) {
            return -1;
        }
        int v = digits(s, DATE_TIME + 1, end - DATE_TIME - 1);
        for (int i = end - DATE_TIME - 1; v >= 0 && i < 9; i++) {
            v *= 10;
        }
        return v;
    }

    /** What {@link Instant#toString} returns: the fraction in groups of three digits, as many as it needs. */
    public static String format(Instant t) {
        long seconds = t.getEpochSecond();
        // years 0000-9999: beyond them Instant.toString writes a sign or more digits
        if (seconds < -62_167_219_200L || seconds > 253_402_300_799L) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nano = t.getNano();
        int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] c = new char[DATE_TIME + (fractionDigits == 0 ? 0 : fractionDigits + 1) + 1];
        put(c, 0, d.getYear(), 4);
        c[4] = '-';
        put(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, d.getHour(), 2);
        c[13] = ':';
        put(c, 14, d.getMinute(), 2);
        c[16] = ':';
        put(c, 17, d.getSecond(), 2);
        if (fractionDigits > 0) {
            c[DATE_TIME] = '.';
            put(c, DATE_TIME + 1, nano / (fractionDigits == 3 ? 1_000_000 : fractionDigits == 6 ? 1_000 : 1),
                    fractionDigits);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
