package dev.mamori.inventory.web;

import org.springframework.web.util.UriComponentsBuilder;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.Stage;

/**
 * The register list's filters as request parameters.
 */
public record AssetFilter(String q, Long departmentId, AssetKind kind, AssetForm form, String levelId, String regime,
                   Stage stage, Boolean reviewDue, Boolean secrecyEnded) {

    AssetQuery toQuery(java.time.LocalDate today) {
        return new AssetQuery(q, departmentId, kind, form, blank(levelId), blank(regime), stage,
                Boolean.TRUE.equals(reviewDue) ? today.minusDays(1) : null,
                Boolean.TRUE.equals(secrecyEnded) ? today.minusDays(1) : null);
    }

    public String url() {
        return filters(UriComponentsBuilder.fromPath("/inventory/assets"), "kind").build().toUriString();
    }

    /** The export of the register ({@code register}) or the designation register with these filters. */
    public String exportUrl(String register) {
        return filters(UriComponentsBuilder.fromPath("/inventory/assets/export").queryParam("kind", register)
                .queryParam("format", "xlsx"), "assetKind").encode().build().toUriString();
    }

    /** The filters as query parameters; the kind of information goes by {@code kindParam}. */
    private UriComponentsBuilder filters(UriComponentsBuilder b, String kindParam) {
        return b.queryParamIfPresent("q", opt(blank(q)))
                .queryParamIfPresent("departmentId", opt(departmentId)).queryParamIfPresent(kindParam, opt(kind))
                .queryParamIfPresent("form", opt(form)).queryParamIfPresent("levelId", opt(blank(levelId)))
                .queryParamIfPresent("regime", opt(blank(regime))).queryParamIfPresent("stage", opt(stage))
                .queryParamIfPresent("reviewDue", opt(Boolean.TRUE.equals(reviewDue) ? true : null))
                .queryParamIfPresent("secrecyEnded", opt(Boolean.TRUE.equals(secrecyEnded) ? true : null));
    }

    private static java.util.Optional<Object> opt(Object o) {
        return java.util.Optional.ofNullable(o);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
