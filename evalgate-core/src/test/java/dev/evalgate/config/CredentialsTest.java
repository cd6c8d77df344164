package dev.evalgate.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "apiKey", "API-KEY", "OPENAI_API_KEY", "x-api-key", "X-Goog-Api-Key",
            "Ocp-Apim-Subscription-Key", "Cookie", "Set-Cookie", "Authorization", "Proxy-Authorization",
            "X-Auth-Token", "access_token", "accessToken", "refresh-token", "client_secret", "clientSecret",
            "password", "db.password", "passwd", "credentials", "private_key", "auth", "X-Amz-Security-Token",
            "dbPassword", "xapikey", "sessionid", "X-Session-Id", "session_token", "SID"})
    void a_name_with_a_credential_word_is_a_credential(String name) {
        assertThat(Credentials.isCredentialName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_tokens", "maxTokens", "input_tokens", "keywords", "model", "base_url",
            "temperature", "Accept", "Content-Type", "X-Trace", "organization", "monkey", "keys", "author",
            "tokens", "User-Agent", "X-Request-Id", "sides"})
    void a_setting_runs_are_compared_on_stays_visible(String name) {
        assertThat(Credentials.isCredentialName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ocp-Apim-Subscription-Key", "ocp_apim.subscription key", "OcpApimSubscriptionKey"})
    void words_split_on_separators_and_camel_case(String name) {
        assertThat(Credentials.words(name)).containsExactly("ocp", "apim", "subscription", "key");
    }
}
