package com.example.support;

import java.util.List;
import java.util.Locale;

/**
 * Routes a customer-support message to the queue that should answer it, by keyword rules tried in order.
 *
 * <p>The first rule with a keyword in the message wins, so the order says which intent is more specific: a
 * refund request mentions a card or a payment too, so refunds are tried before billing.
 */
public final class TicketRouter {

    /** One queue and the words that send a message there. */
    record Rule(Queue queue, List<String> keywords) {

        boolean matches(String text) {
            return keywords.stream().anyMatch(text::contains);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Queue.REFUND, List.of("refund", "money back", "reimburse", "cancel my order and")),
            new Rule(Queue.ACCOUNT, List.of("password", "log in", "login", "sign in", "signed in", "locked out",
                    "two-factor", "2fa", "username", "delete my account", "email address")),
            new Rule(Queue.TECHNICAL, List.of("error", "crash", "bug", "not loading", "won't load", "freezes",
                    "blank page", "doesn't work", "does not work", "do not work", "keeps closing")),
            new Rule(Queue.SHIPPING, List.of("delivery", "deliver", "shipping", "shipped", "tracking", "parcel",
                    "package", "courier", "arrive", "dispatch")),
            new Rule(Queue.BILLING, List.of("invoice", "charged", "charge", "payment", "billing", "receipt", "vat",
                    "credit card", "subscription fee", "price", "pay by", "bank transfer")));

    /** The queue for {@code message}; {@link Queue#GENERAL} when no rule matches. */
    public Queue route(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.matches(text)) {
                return rule.queue();
            }
        }
        return Queue.GENERAL;
    }
}
