package dev.evalgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for whether a config key or an HTTP header name holds a credential, used wherever a value is masked.
 *
 * <p>A name is split into words on {@code _ - . space} and camelCase ({@code Ocp-Apim-Subscription-Key} is
 * {@code ocp apim subscription key}); it is a credential when one word says so. Whole words, so {@code max_tokens}
 * and {@code keywords}, settings runs are compared on, stay visible.
 */
public final class Credentials {

    private static final Set<String> WORDS = Set.of("key", "apikey", "token", "secret", "secrets", "password",
            "passwd", "pwd", "passphrase", "authorization", "auth", "cookie", "cookies", "credential",
            "credentials", "bearer", "signature", "session", "sessionid", "sid", "privatekey", "accesskey",
            "secretkey", "subscriptionkey", "accesstoken", "authtoken", "refreshtoken", "idtoken");
    /** Parts that mark a credential even inside a longer word, as in {@code dbpassword} or {@code xapikey}. */
    private static final List<String> INSIDE = List.of("apikey", "secret", "password", "passwd", "credential",
            "authorization", "cookie");

    private Credentials() {
    }

    /** Whether a value under this key or header name is a credential. */
    public static boolean isCredentialName(String name) {
        for (String word : words(name)) {
            if (WORDS.contains(word) || word.endsWith("token") && !word.endsWith("tokens")) {
                return true;
            }
            for (String part : INSIDE) {
                if (word.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The lower-case words of a name: split on {@code _ - . space} and where a lower-case letter meets an upper. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean separator = c == '_' || c == '-' || c == '.' || Character.isWhitespace(c);
            boolean camel = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if ((separator || camel) && !word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (!separator) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
