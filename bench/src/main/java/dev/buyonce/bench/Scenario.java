package dev.buyonce.bench;

import java.util.List;

/**
 * One benchmark scenario: it measures its subject and its baselines in the same run and answers one
 * result row per thing measured. Flash-sale (seats) and replay (projection rebuild) join {@link Bench}'s
 * list as further implementations once those capabilities exist.
 */
interface Scenario {

    String name();

    List<ScenarioResult> run(BenchContext context) throws Exception;
}
