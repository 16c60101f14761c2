package dev.buyonce.query.signal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The announcements a projection makes, delivered to these listeners on this node as the embedded default does, but
 * on the announcing thread, at once: the embedded default queues them for a thread of their own, which made a test's
 * outcome depend on when that thread ran (SeatMapProjectionTest.resetDropsThePickersMaps failed on a busy machine).
 */
public final class LocalSignals {
    private LocalSignals() {
    }

    public static ObjectProvider<ChangeSignals> to(ChangeListener... listeners) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        ListenerDelivery delivery = new ListenerDelivery(List.of(listeners));
        ChangeSignals atOnce = delivery::deliverNow;
        beans.addBean("changeSignals", atOnce);
        return beans.getBeanProvider(ChangeSignals.class);
    }
}
