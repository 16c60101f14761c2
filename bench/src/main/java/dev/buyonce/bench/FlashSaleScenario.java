package dev.buyonce.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scenario 4: a flash sale. A program of 100 rows of 100 seats goes on sale to 40,000 buyers (quick: 25 rows,
 * 10,000 buyers), each its own user asking once for 1–4 seats, through a fixed pool of clients, until every
 * buyer was answered or the time bound passed. No seat may be sold twice: not by two answers, and not
 * between the answers and the seat map once it has caught up.
 */
final class FlashSaleScenario implements Scenario {
    static final int CLIENTS = 64;
    static final int SEATS_PER_ROW = 100;
    static final int BUYERS_PER_SEAT = 4;
    static final long SEED = 20_261_124L;

    @Override
    public String name() {
        return "flash-sale";
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        BenchConfig config = context.config();
        SaleProgram program = new SaleProgram("bench-flash-sale", config.pick(25, 100), SEATS_PER_ROW);
        Duration bound = config.pick(Duration.ofSeconds(60), Duration.ofMinutes(4));
        Http http = context.buyOnce().http();
        Http.Response defined = http.postJson("/api/admin/programs", program.definition(),
                "Authorization", context.adminAuthorization());
        if (!defined.ok()) {
            throw new IllegalStateException("could not define program " + program.id() + ": " + defined);
        }
        String reader = "Bearer " + context.jwt().user("bench-map-reader");
        int free = SeatMap.read(http, reader, program.id()).free();
        if (free != program.seats()) {
            throw new IllegalStateException("the new program shows " + free + " free seats, not " + program.seats());
        }

        List<SaleBuyer> buyers = SaleBuyer.crowd(program, BUYERS_PER_SEAT * program.seats(), SEED);
        FlashSaleLoad load = new FlashSaleLoad(http, context.jwt(), program, buyers);
        ClosedLoop sale = new ClosedLoop(CLIENTS, Duration.ZERO, bound, Long.MAX_VALUE);
        Latency latency = new Latency();
        System.err.printf("flash-sale: %d seats, %d buyers, %d clients, at most %d s ...%n",
                program.seats(), buyers.size(), CLIENTS, bound.toSeconds());
        long start = System.nanoTime();
        ClosedLoop.Outcome outcome = sale.measureUntil(load, latency, load::everyBuyerSent);

        double mapWait = new ProjectionAdmin(context).awaitLive(List.of("seat-map"), Duration.ofSeconds(60));
        SeatMap map = SeatMap.read(http, reader, program.id());
        Set<String> claimed = load.claimedSeats();
        Set<String> onlyInMap = new HashSet<>(map.taken());
        onlyInMap.removeAll(claimed);
        Set<String> onlyInAnswers = new HashSet<>(claimed);
        onlyInAnswers.removeAll(map.taken());
        double saleSeconds = load.lastHoldNanos() == 0 ? Double.NaN : (load.lastHoldNanos() - start) / 1e9;

        ScenarioResult result = ScenarioResult.named(name())
                .measured(outcome.perSecond(load.answered.get()), latency)
                .with("holds_per_s", load.seatsHeld.get() / saleSeconds)
                .with("sale_s", saleSeconds)
                .with("seats", program.seats())
                .with("buyers", buyers.size())
                .with("buyers_served", load.buyersServed())
                .with("clients", CLIENTS)
                .with("orders_held", load.ordersHeld.get())
                .with("seats_held", load.seatsHeld.get())
                .with("seats_left", map.free())
                .with("sold_out_answers", load.soldOut.get())
                .with("failed", load.failed.get())
                .with("wrong_seats", load.wrongSeats.get())
                .with("oversold", load.doubleClaims() + onlyInMap.size() + onlyInAnswers.size())
                .with("answers", load.answers())
                .with("max_ms", latency.maxMillis())
                .with("map_catch_up_s", mapWait);
        if (!load.everyBuyerSent()) {
            result.with("note", "time bound of " + bound.toSeconds() + " s reached: " + load.buyersServed()
                    + " of " + buyers.size() + " buyers served");
        }
        if (mapWait < 0) {
            result.with("note_map", "the seat-map projection was not live at the head within 60 s; oversold compares with a lagging map");
        }
        return List.of(result);
    }
}
