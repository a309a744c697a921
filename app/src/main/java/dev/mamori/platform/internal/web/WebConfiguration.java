package dev.mamori.platform.internal.web;

import java.util.Locale;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxViewResolver;
import org.springframework.core.Ordered;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.MamoriUserDetails;

/**
 * Language: {@code ?lang=ja|en} switches it; a signed-in user's choice is saved on the account,
 * otherwise in a cookie; Japanese is the default. API callers may also send Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /**
     * Resolves {@code redirect:htmx:} views. htmx-spring-boot declares it only when some {@code View} bean
     * exists, which stops being so once the application has its own error template, so it is declared here.
     */
    @Bean
    HtmxViewResolver htmxViewResolver() {
        HtmxViewResolver resolver = new HtmxViewResolver();
        resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return resolver;
    }

    @Bean
    LocaleResolver localeResolver(@Lazy AccountManagement accounts) {
        CookieLocaleResolver cookie = new CookieLocaleResolver("mamori-lang");
        cookie.setDefaultLocale(Locale.JAPANESE);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof MamoriUserDetails user
                        && !request.getRequestURI().startsWith("/api/")) {
                    return user.locale();
                }
                if (request.getRequestURI().startsWith("/api/")) {
                    return ApiLanguage.of(request.getHeader("Accept-Language"));
                }
                return cookie.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale requested) {
                Locale locale = requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
                cookie.setLocale(request, response, locale);
                var auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof MamoriUserDetails user) {
                    user.locale(locale);
                    accounts.changeLocale(user.accountId(), locale);
                }
            }
        };
    }
}
