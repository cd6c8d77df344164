/**
 * Adapters that let evalgate evaluate what a LangChain4j application already has: a {@code ChatModel} or an AI
 * service.
 *
 * <p>Use {@link dev.evalgate.langchain4j.ChatModelTarget} when you can reach the model: each case becomes one
 * chat request (the rendered system prompt, then the user prompt) and the provider's token counts come back in
 * the reply, so the run can report cost. Use {@link dev.evalgate.langchain4j.AiServiceTarget} to evaluate the
 * AI service itself, with its memory, tools and retrieval; the service answers with text only, so tokens and
 * cost are unknown for it. Both turn LangChain4j's rate-limit, timeout and authentication exceptions into
 * {@link dev.evalgate.error.TargetException}s, so the runner's retries apply to them.
 */
package dev.evalgate.langchain4j;
