package dev.buyonce.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against the services bench/run.sh started, prints the markdown table and writes
 * bench/results/latest.json. Replay runs last: it rebuilds from the longest log, and a rebuild that outlasts
 * its time bound then slows no later scenario.
 */
public final class Bench {
    private static final List<Scenario> SCENARIOS = List.of(
            new PlaceOrderScenario(),
            new FreshnessScenario(),
            new SameKeyStormScenario(),
            new OwnershipLookupScenario(),
            new FlashSaleScenario(),
            new CouponRushScenario(),
            new ReplayScenario());

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.parse(args);
        config.freshnessLoad(); // a bad value fails now, not after the scenarios before freshness have run
        BenchContext context = BenchContext.of(config);
        Map<String, Object> machine = Machine.describe(context.buyOnce().db(), config.quick());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : SCENARIOS) {
            if (!config.includes(scenario.name())) {
                continue;
            }
            long start = System.nanoTime();
            System.err.printf("== %s (load average %s)%n", scenario.name(), Machine.loadAverage());
            results.addAll(scenario.run(context));
            System.err.printf("== %s done in %.0f s%n", scenario.name(), (System.nanoTime() - start) / 1e9);
        }
        machine.put("load_average_at_end", Machine.loadAverage());
        Map<String, Object> check = HistoryCheck.run(context);
        machine.put("history_check", check);
        System.err.printf("== history check over the run's event log: %s%n", check);
        Report.writeJson(Path.of(config.output()), machine, config.commit(), results);
        System.out.println(Report.markdown(results));
        System.exit(0);
    }
}
