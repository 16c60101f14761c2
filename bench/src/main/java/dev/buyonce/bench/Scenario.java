package dev.buyonce.bench;

import java.util.List;

/**
 * One benchmark scenario: it measures its subject and its baselines in the same run and answers one
 * result row per thing measured. {@link Bench} runs them in the order of its list.
 */
interface Scenario {

    String name();

    List<ScenarioResult> run(BenchContext context) throws Exception;
}
