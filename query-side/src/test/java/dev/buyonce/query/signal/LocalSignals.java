package dev.buyonce.query.signal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The announcements a projection makes, delivered to these listeners on this node, as the embedded default does. */
public final class LocalSignals {
    private LocalSignals() {
    }

    public static ObjectProvider<ChangeSignals> to(ChangeListener... listeners) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("changeSignals", new LocalChangeSignals(List.of(listeners)));
        return beans.getBeanProvider(ChangeSignals.class);
    }
}
