package dev.buyonce.kernel.ticket;

import java.util.Comparator;
import java.util.regex.Pattern;

/** A seat within its program: {@code <row>-<number>}, numbers counted from 1 ("A-1", "B-12"). */
public record SeatId(String value) implements Comparable<SeatId> {
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9]{1,8})-([1-9][0-9]{0,3})");
    private static final Comparator<SeatId> ORDER = Comparator.comparing(SeatId::row).thenComparingInt(SeatId::number);

    public SeatId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("seat id must be <row>-<number>, e.g. A-1");
        }
    }

    public static SeatId of(String row, int number) {
        return new SeatId(row + "-" + number);
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public String row() {
        return value.substring(0, value.lastIndexOf('-'));
    }

    public int number() {
        return Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
    }

    /** Row, then number: the one order in which seats are locked, so two orders never wait on each other. */
    @Override
    public int compareTo(SeatId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return value;
    }
}
