package com.example.support;

import java.util.Locale;

/** The support queues a message can be routed to. */
public enum Queue {
    REFUND, ACCOUNT, TECHNICAL, SHIPPING, BILLING, GENERAL;

    /** The queue's name as support staff write it: {@code "refund"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
