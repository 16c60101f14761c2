package dev.buyonce.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one runnable assembly of BuyOnce: command side, query side and sagas in one process. Axon's JPA
 * stores are excluded (see application.yml) so that the event, token and saga stores stay on JDBC with
 * bytea payloads while projections use JPA in the same transactions.
 */
@SpringBootApplication(scanBasePackages = "dev.buyonce")
@EntityScan("dev.buyonce")
@EnableJpaRepositories("dev.buyonce")
@EnableScheduling
@EnableConfigurationProperties(AppSettings.class)
public class BuyOnceApplication {

    static {
        // No calls home: Axon's update checker would try to reach the internet at every start.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BuyOnceApplication.class, args);
    }
}
