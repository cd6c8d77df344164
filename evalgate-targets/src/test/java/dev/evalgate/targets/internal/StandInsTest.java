package dev.evalgate.targets.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class StandInsTest {

    @Test
    void keeps_the_path_and_query_under_the_stand_ins_base_path() {
        URI rebased = StandIns.rebase(URI.create("https://api.example.com/v1/chat/completions?api-version=2"),
                URI.create("http://127.0.0.1:4321/t2"));

        assertThat(rebased).hasToString("http://127.0.0.1:4321/t2/v1/chat/completions?api-version=2");
    }

    @Test
    void a_stand_in_without_a_base_path_takes_the_original_path_as_it_is() {
        URI rebased = StandIns.rebase(URI.create("http://10.0.0.5:8080"), URI.create("http://127.0.0.1:4321/"));

        assertThat(rebased).hasToString("http://127.0.0.1:4321/");
    }
}
