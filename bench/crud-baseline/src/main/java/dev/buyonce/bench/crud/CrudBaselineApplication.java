package dev.buyonce.bench.crud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The comparison point for BuyOnce's order placement: the plain design most teams ship. It exists only so
 * bench/run.sh can measure it in the same run, on the same machine; it is not part of the product.
 */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }
}
