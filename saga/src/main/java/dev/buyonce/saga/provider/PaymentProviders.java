package dev.buyonce.saga.provider;

import java.util.List;
import java.util.Optional;

/** The providers this node is configured with, found by name (webhooks, sagas) or by channel (customers). */
public class PaymentProviders {
    private final List<PaymentProvider> providers;

    public PaymentProviders(List<PaymentProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public Optional<PaymentProvider> byName(String name) {
        return providers.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    public Optional<PaymentProvider> forChannel(String channel) {
        return providers.stream().filter(provider -> provider.channels().contains(channel)).findFirst();
    }

    /** The provider that holds a payment we created; absent only if configuration lost it. */
    public PaymentProvider named(String name) {
        return byName(name).orElseThrow(() -> new IllegalStateException("no payment provider named " + name));
    }

    public List<PaymentProvider> all() {
        return providers;
    }
}
