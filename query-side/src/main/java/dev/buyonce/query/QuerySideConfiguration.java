package dev.buyonce.query;

import dev.buyonce.query.coupon.CouponStock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The query side's settings, and the periodic re-reads of what every node keeps in memory (catalogs, coupons, stock). */
@Configuration
@EnableConfigurationProperties(QuerySettings.class)
class QuerySideConfiguration implements SchedulingConfigurer {
    private final QuerySettings settings;
    private final List<PeriodicRefresh> refreshes;
    private final CouponStock couponStock;

    QuerySideConfiguration(QuerySettings settings, List<PeriodicRefresh> refreshes, CouponStock couponStock) {
        this.settings = settings;
        this.refreshes = refreshes;
        this.couponStock = couponStock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (PeriodicRefresh refresh : refreshes) {
            registrar.addFixedDelayTask(refresh::refresh, settings.catalog().refresh());
        }
        registrar.addFixedDelayTask(couponStock::recountChanged, settings.coupons().stockRefresh());
    }
}
