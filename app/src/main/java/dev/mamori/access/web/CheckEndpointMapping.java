package dev.mamori.access.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Routes the two check paths straight to {@link CheckEndpoint}, ahead of the annotated controllers (the
 * dispatcher still runs, so the security filter chain, MockMvc and the error page behave as for every endpoint).
 */
@Configuration(proxyBeanMethods = false)
class CheckEndpointMapping {

    @Bean
    SimpleUrlHandlerMapping accessCheckHandlerMapping(CheckEndpoint endpoint) {
        HttpRequestHandler single = endpoint::check;
        HttpRequestHandler batch = endpoint::batch;
        return new SimpleUrlHandlerMapping(Map.of(CheckEndpoint.PATH, single, CheckEndpoint.BATCH_PATH, batch),
                Ordered.HIGHEST_PRECEDENCE);
    }
}
