package com.seatledger.topics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.BestAvailable;

import tools.jackson.databind.json.JsonMapper;

/** Records read through their constructor by reflection, with Jackson's own answers when it fails. */
class ReflectiveCreatorsTest {

    public record Positive(int n, List<String> names) {
        public Positive {
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0");
            }
        }
    }

    private static final JsonMapper PLAIN = Json.MAPPER.rebuild().removeAllModules().build();

    @Test
    void recordsAreBuiltByTheirConstructor() {
        assertThat(Json.MAPPER.readValue("{\"n\":3,\"names\":[\"a\"]}", Positive.class))
                .isEqualTo(new Positive(3, List.of("a")));
        assertThat(Json.MAPPER.readValue("{\"category\":\"STALLS\",\"quantity\":2}", BestAvailable.class))
                .isEqualTo(PLAIN.readValue("{\"category\":\"STALLS\",\"quantity\":2}", BestAvailable.class));
    }

    @Test
    void aConstructorThatRefusesIsReportedAsJacksonReportsIt() {
        Throwable ours = catchThrowable(() -> Json.MAPPER.readValue("{\"n\":-1}", Positive.class));
        Throwable jacksons = catchThrowable(() -> PLAIN.readValue("{\"n\":-1}", Positive.class));
        assertThat(ours).isNotNull().hasSameClassAs(jacksons).hasMessage(jacksons.getMessage());
        assertThat(ours.getCause()).hasSameClassAs(jacksons.getCause()).hasMessage("n must be >= 0");
        // and it went through this module's instantiator, not Jackson's method handle
        assertThat(Arrays.stream(ours.getStackTrace()).anyMatch(f -> f.getClassName().contains("ReflectiveCreators")))
                .isTrue();
    }
}
