package dev.buyonce.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;

/**
 * The configuration the query-side slice tests find: the entities and repositories of this package and below,
 * and Spring Boot's ObjectMapper for the projections that store JSON. No Axon, web or security.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class QuerySideTestConfiguration {
}
