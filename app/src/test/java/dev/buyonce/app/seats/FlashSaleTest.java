package dev.buyonce.app.seats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.BuyOnceNode;
import dev.buyonce.app.support.Eventually;
import dev.buyonce.app.support.TestCatalog;
import dev.buyonce.app.support.Tokens;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 300 buyers race for 2 adjacent seats each in a category of 100 seats (5 rows of 20), all at once. */
class FlashSaleTest {
    private static final Logger log = LoggerFactory.getLogger(FlashSaleTest.class);
    static final int BUYERS = 300;
    static BuyOnceNode node;

    @BeforeAll
    static void start() {
        node = BuyOnceNode.shared();
    }

    @Test
    void threeHundredBuyersOfTwoAdjacentSeatsGetExactlyFiftyOrdersAndNoSeatTwice() {
        Api api = node.api();
        String program = Programs.define(api, 5, 20, 6, 6);
        List<String> tokens = java.util.stream.IntStream.range(0, BUYERS)
                .mapToObj(i -> Tokens.user(TestCatalog.newUser("fan"))).toList();

        long started = System.nanoTime();
        List<Api.Response> answers = Programs.atOnce(BUYERS, i -> api.placeOrder(tokens.get(i), "buy", Programs.quantity(program, 2)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        List<Api.Response> orders = answers.stream().filter(a -> a.status() == 201).toList();
        Map<String, Long> refusals = answers.stream().filter(a -> a.status() != 201)
                .collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
        log.info("flash sale: {} buyers, {} orders, {} seats held in {} ms = {} seat holds/s; refusals {}", BUYERS,
                orders.size(), orders.size() * 2, elapsed.toMillis(),
                String.format("%.1f", orders.size() * 2 / (elapsed.toNanos() / 1e9)), refusals);

        assertThat(orders).hasSize(50);
        assertThat(refusals).containsOnlyKeys("409 NOT_ENOUGH_SEATS");
        Set<String> sold = new HashSet<>();
        for (Api.Response order : orders) {
            List<String> seats = Programs.seats(order);
            assertThat(seats).hasSize(2);
            String[] first = seats.get(0).split("-");
            String[] second = seats.get(1).split("-");
            assertThat(first[0]).as("same row: " + seats).isEqualTo(second[0]);
            assertThat(Math.abs(Integer.parseInt(first[1]) - Integer.parseInt(second[1]))).as("adjacent: " + seats).isEqualTo(1);
            sold.addAll(seats);
        }
        assertThat(sold).as("no seat in two orders").hasSize(100);

        JsonNode floor = Eventually.await("the seat map to show 100 held", Duration.ofSeconds(30),
                () -> Programs.floor(api, program), map -> map.path("held").asInt() == 100);
        assertThat(floor.path("free").asInt()).isZero();
        assertThat(floor.path("sold").asInt()).isZero();
    }
}
