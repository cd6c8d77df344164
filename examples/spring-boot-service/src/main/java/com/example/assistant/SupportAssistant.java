package com.example.assistant;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.stereotype.Service;

import java.util.Locale;

/**
 * Routes a customer-support message to the queue that should answer it, by asking the application's chat model.
 *
 * <p>The system prompt names every queue with what belongs there; the model answers with one queue name.
 */
@Service
public class SupportAssistant {

    static final String INSTRUCTIONS = """
            You route customer-support messages. Answer with the name of one queue and nothing else.
            Queues:
            - refund: the customer wants their money back for an order or a subscription
            - shipping: where an order is, late or lost parcels, delivery addresses
            - account: signing in, passwords, email changes, closing the account
            - billing: invoices, charges, payment methods, VAT
            - general: anything else
            """;

    private final ChatClient chat;

    public SupportAssistant(ChatClient.Builder builder) {
        this.chat = builder.defaultSystem(INSTRUCTIONS).build();
    }

    /** The queue for {@code message}, as the model named it. */
    public String route(String message) {
        ChatResponse response = answer(message);
        String text = response.getResult().getOutput().getText();
        return text == null ? "general" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The model's whole response, with its token usage, for callers that measure the call. */
    public ChatResponse answer(String message) {
        return chat.prompt().user(u -> u.text("{message}").param("message", message)).call().chatResponse();
    }
}
