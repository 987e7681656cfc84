package com.seatledger.api.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import com.seatledger.api.web.LeanConnections;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

import com.seatledger.api.command.Admission;
import com.seatledger.api.command.CommandGateway;
import com.seatledger.api.command.RateLimiter;
import com.seatledger.api.sse.SseHub;
import com.seatledger.api.view.StatusReader;
import com.seatledger.api.view.Views;
import com.seatledger.api.web.AdmissionFilter;
import com.seatledger.api.web.AdmissionHandler;
import com.seatledger.api.web.AdmissionRefusals;
import com.seatledger.api.web.BodyLimitFilter;
import com.seatledger.api.web.CommandPathWarmUp;
import com.seatledger.api.web.Commands;
import com.seatledger.api.web.HoldRoute;
import com.seatledger.api.web.HttpJson;

import com.seatledger.topics.Topics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The api-app's parts, wired: views and their reader, the SSE hub, the command gateway. */
@Configuration(proxyBeanMethods = false)
public class ApiConfig {

    /** The contract's one JSON mapping, for HTTP too: a wrong type in a body is a 400, never coerced. */
    /** Small per-connection buffers (thousands of open SSE streams each keep theirs) and problem bodies for Jetty's own refusals. */
    @Bean
    JettyServletWebServerFactory jettyServletWebServerFactory() {
        return new LeanConnections.Factory();
    }

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> leanConnections() {
        return LeanConnections::apply;
    }

    @Bean
    JsonMapper jsonMapper() {
        return HttpJson.MAPPER;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Views views(ApiProperties props, MeterRegistry registry) {
        Views views = new Views(props.views().replayEvents());
        Gauge.builder("seatledger.views.shows", views, Views::size).description("shows in this instance's views")
                .register(registry);
        return views;
    }

    @Bean
    StatusReader statusReader(KafkaProperties kafka, Views views, ApiProperties props, MeterRegistry registry) {
        // the reader's consumer metrics, records-lag per partition among them: how far the views trail
        return new StatusReader(kafka.buildConsumerProperties(), views, props.views().snapshotMargin(),
                consumer -> new KafkaClientMetrics(consumer).bindTo(registry));
    }

    @Bean
    StatusReaderLifecycle statusReaderLifecycle(StatusReader reader) {
        return new StatusReaderLifecycle(reader);
    }

    @Bean(destroyMethod = "close")
    SseHub sseHub(Views views, ApiProperties props, Clock clock, MeterRegistry registry) {
        SseHub hub = new SseHub(views, props.sse(), clock);
        Gauge.builder("seatledger.sse.connections", hub, SseHub::connections).description("open SSE streams")
                .register(registry);
        Gauge.builder("seatledger.sse.queued.frames", hub, SseHub::queuedFrames)
                .description("SSE frames queued and not yet written, all streams").register(registry);
        FunctionCounter.builder("seatledger.sse.events.relayed", hub, SseHub::relayed)
                .description("SSE frames written to clients").register(registry);
        FunctionCounter.builder("seatledger.sse.clients.dropped", hub, SseHub::dropped)
                .description("SSE clients closed because they did not keep up").register(registry);
        return hub;
    }

    /** Stops first (highest phase): ends SSE streams before the web server waits for open requests. */
    @Bean
    SmartLifecycle sseStreamsLifecycle(SseHub hub) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                hub.closeAll();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * The requests a new instance sends itself before it reports ready (see {@link CommandPathWarmUp}):
     * health "commandPath" is OUT_OF_SERVICE until they are answered.
     */
    @Bean
    CommandPathWarmUp commandPath(ApiProperties props, ReplyingKafkaTemplate<String, byte[], byte[]> template) {
        String secret = props.jwkSetUri() == null && props.jwtIssuerUri() == null ? props.jwtSecret() : null;
        IntFunction<String> tokens = secret == null ? null
                : i -> DevTokens.mint(secret, "warm-up-" + i, List.of("user"), Duration.ofMinutes(2));
        return new CommandPathWarmUp(props.warmUp(), tokens, () -> template.partitionsFor(Topics.COMMANDS.name()));
    }

    /** Starts the warm-up once the web server (not the management server, when it has a port of its own) listens. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> commandPathWarmUpStarter(CommandPathWarmUp warmUp, Environment env) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            String host = env.getProperty("server.address", "127.0.0.1");
            String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
            warmUp.start(URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                    + event.getWebServer().getPort() + env.getProperty("server.servlet.context-path", "")));
        };
    }

    @Bean
    RateLimiter rateLimiter(ApiProperties props) {
        return new RateLimiter(props.rateLimit().perSecond(), props.rateLimit().burst(), System::nanoTime);
    }

    @Bean
    CommandGateway commandGateway(ReplyingKafkaTemplate<String, byte[], byte[]> template, Views views,
            RateLimiter limiter, ApiProperties props, MeterRegistry registry) {
        return new CommandGateway(template, views, limiter, props.replyTimeout(), props.createShowTimeout(),
                registry);
    }

    @Bean
    Admission admission(ApiProperties props, MeterRegistry registry) {
        Admission admission = new Admission(props.admission(), System::nanoTime);
        Gauge.builder("seatledger.admission.limit", admission, Admission::limit)
                .description("the current bound on commands in flight (admission control)").register(registry);
        Gauge.builder("seatledger.admission.in.flight", admission, Admission::inFlight)
                .description("commands admitted and not yet answered").register(registry);
        return admission;
    }

    @Bean
    AdmissionRefusals admissionRefusals(MeterRegistry registry) {
        return new AdmissionRefusals(registry);
    }

    /** Commands are admitted or refused in front of the servlet layer: a refusal must cost next to nothing. */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> admissionHandler(Admission admission,
            AdmissionRefusals refusals) {
        return factory -> factory.addServerCustomizers(
                server -> server.setHandler(new AdmissionHandler(server.getHandler(), admission, refusals)));
    }

    /** Right after the body limit, before Spring Security: binds the admitted command's ticket. */
    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(Admission admission, AdmissionRefusals refusals) {
        FilterRegistrationBean<AdmissionFilter> r = new FilterRegistrationBean<>(new AdmissionFilter(admission, refusals));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return r;
    }

    /**
     * After the body limit, admission control and the http_server_requests observation (which it
     * names the route for), before Spring Security: ordinary hold requests are answered here.
     */
    @Bean
    @ConditionalOnProperty(name = "seatledger.direct-holds", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<HoldRoute> holdRoute(BearerTokenResolver bearerTokens, JwtDecoder tokens,
            JwtAuthenticationConverter authentication, Commands commands, CommandGateway gateway,
            MeterRegistry registry) {
        FilterRegistrationBean<HoldRoute> r = new FilterRegistrationBean<>(
                new HoldRoute(bearerTokens, tokens, authentication, commands, gateway, registry));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        r.addUrlPatterns("/api/shows/*");
        return r;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ApiProperties props) {
        FilterRegistrationBean<BodyLimitFilter> r = new FilterRegistrationBean<>(
                new BodyLimitFilter(props.bodyLimit().showBytes(), props.bodyLimit().otherBytes()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }
}
