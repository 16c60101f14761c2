package dev.buyonce.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * One buyer of the flash sale: its own user, 1–4 seats, and either the seats it names or none (the server
 * picks adjacent seats). {@link #crowd} makes the same crowd in every run.
 */
record SaleBuyer(int index, int quantity, List<String> chosenSeats) {
    /** One buyer in this many names its seats, so picks collide with the server's proposals. */
    static final int CHOOSER_EVERY = 10;

    /**
     * {@code count} buyers from {@code seed}: quantities uniform over 1–4; a chooser names a block of
     * adjacent seats starting at a random place in a random row.
     */
    static List<SaleBuyer> crowd(SaleProgram program, int count, long seed) {
        Random random = new Random(seed);
        List<SaleBuyer> buyers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int quantity = 1 + random.nextInt(SaleProgram.MAX_TICKETS);
            List<String> seats = new ArrayList<>();
            if (random.nextInt(CHOOSER_EVERY) == 0) {
                int row = random.nextInt(program.rows());
                int first = 1 + random.nextInt(program.seatsPerRow() - quantity + 1);
                for (int s = 0; s < quantity; s++) {
                    seats.add(SaleProgram.seat(row, first + s));
                }
            }
            buyers.add(new SaleBuyer(i, quantity, List.copyOf(seats)));
        }
        return buyers;
    }

    String user() {
        return "fan-%05d".formatted(index);
    }

    String key() {
        return "sale-" + index;
    }

    /** The {@code POST /api/orders} body: the chosen seats, or the category and quantity. */
    String body(SaleProgram program) {
        if (chosenSeats.isEmpty()) {
            return "{\"programId\":\"%s\",\"categoryId\":\"%s\",\"quantity\":%d}".formatted(program.id(), SaleProgram.CATEGORY, quantity);
        }
        return "{\"programId\":\"%s\",\"seats\":[%s]}".formatted(program.id(),
                chosenSeats.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")));
    }
}
