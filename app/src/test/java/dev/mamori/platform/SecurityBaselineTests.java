package dev.mamori.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class SecurityBaselineTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void healthAnswersUpWithoutLoginAndRevealsNothingElse() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void redirectsAnonymousPageRequestsToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void refusesAnonymousApiCallsWith401InJapaneseByDefault() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("認証")));
    }

    @Test
    void sendsContentSecurityPolicyWithoutInlineScript() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self';")));
    }

    @Test
    void showsDashboardToSignedInUser() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/").with(TestUsers.as(employee))).andExpect(status().isOk());
    }

    @Test
    void showsAnHtmxRefusalInTheErrorRegionInsteadOfTheTarget() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/admin/users").header("HX-Request", "true").with(TestUsers.as(employee)))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Retarget", "#platform-error"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("権限がありません")));
    }

    @Test
    void rendersTheErrorPageInTheLayoutForAnUnknownPage() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/no/such/page").with(TestUsers.as(employee)))
                .andExpect(status().isNotFound());
    }

    @Test
    void answersAPageAddressWithAMistypedIdWithTheErrorPageAndTheApiWithAProblem() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        mvc.perform(get("/admin/users/abc").with(TestUsers.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("パラメーター「id」の値「abc」は正しくありません")));
        mvc.perform(get("/admin/users/abc").param("lang", "en").with(TestUsers.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The value &quot;abc&quot; of the URL parameter &quot;id&quot; is not valid")));
        mvc.perform(get("/api/v1/users/abc").with(TestUsers.as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("リクエストの形式が正しくありません。"));
    }

    record Limited(@jakarta.validation.constraints.Size(max = 5) String text) {
    }

    @Autowired
    jakarta.validation.Validator validator;

    @Test
    void saysALengthLimitInTheUsersLanguageInsteadOfTheValidatorsOwnWording() {
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.JAPANESE);
            org.assertj.core.api.Assertions.assertThat(validator.validate(new Limited("123456")))
                    .extracting(jakarta.validation.ConstraintViolation::getMessage).containsExactly("5 文字以内で入力してください。");
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
            org.assertj.core.api.Assertions.assertThat(validator.validate(new Limited("123456")))
                    .extracting(jakarta.validation.ConstraintViolation::getMessage).containsExactly("Enter at most 5 characters.");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    @Autowired
    java.util.List<org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mappings;

    @Test
    void everyPageAndEndpointDeclaresWhoMayUseIt() {
        java.util.List<String> undeclared = new java.util.ArrayList<>();
        for (var mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                boolean ours = method.getBeanType().getPackageName().startsWith("dev.mamori");
                boolean declared = method.hasMethodAnnotation(org.springframework.security.access.prepost.PreAuthorize.class)
                        || method.getBeanType().isAnnotationPresent(org.springframework.security.access.prepost.PreAuthorize.class);
                boolean loginPage = method.getMethod().getName().equals("login");
                if (ours && !declared && !loginPage) {
                    undeclared.add(method.toString());
                }
            });
        }
        org.assertj.core.api.Assertions.assertThat(undeclared).isEmpty();
    }
}
