package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Every command route declares that it answers JSON, so Spring MVC refuses an Accept it cannot
 * answer (406) when it maps the request, before the handler sends the command to the ledger; without
 * the declaration the command was decided first and the 406 came after (ApiIT shows the effect).
 */
class CommandRoutesProduceJsonTest {

    private static final List<Class<?>> CONTROLLERS = List.of(HoldsController.class, BoxOfficeController.class,
            ShowsController.class, ChannelsController.class, ListingsController.class, AsyncApiController.class);

    @Test
    void everyPostAndDeleteRouteProducesJson() {
        List<Method> commands = CONTROLLERS.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(PostMapping.class) || m.isAnnotationPresent(DeleteMapping.class))
                .toList();
        assertThat(commands).as("the command routes").hasSizeGreaterThanOrEqualTo(11);
        for (Method m : commands) {
            String[] produces = Stream.of(m.getAnnotation(PostMapping.class), m.getAnnotation(DeleteMapping.class))
                    .filter(a -> a != null)
                    .map(a -> a instanceof PostMapping p ? p.produces() : ((DeleteMapping) a).produces())
                    .findFirst().orElseThrow();
            assertThat(produces).as(m.toString()).containsExactly(MediaType.APPLICATION_JSON_VALUE);
        }
    }
}
