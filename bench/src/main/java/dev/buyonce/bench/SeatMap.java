package dev.buyonce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/** A program's seat map as {@code GET /api/programs/{id}/seats} shows it: the seats taken (HELD or SOLD) and the free count. */
record SeatMap(Set<String> taken, int free) {

    static SeatMap read(Http http, String authorization, String program) {
        Http.Response response = http.get("/api/programs/" + program + "/seats", "Authorization", authorization);
        if (!response.ok()) {
            throw new IllegalStateException("seat map of " + program + " answered " + response);
        }
        Set<String> taken = new HashSet<>();
        int free = 0;
        for (JsonNode category : response.json().path("categories")) {
            free += category.path("free").asInt();
            for (JsonNode seat : category.path("seats")) {
                if (!"FREE".equals(seat.path("status").asText())) {
                    taken.add(seat.path("seatId").asText());
                }
            }
        }
        return new SeatMap(taken, free);
    }
}
