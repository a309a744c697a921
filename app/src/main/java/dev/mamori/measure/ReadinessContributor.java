package dev.mamori.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-provider interface of trade-secret readiness: a module that holds evidence about designated
 * secrets (pledges, acknowledgements, access logs…) implements it as a Spring bean and returns its indicators
 * for a secret. It is called inside the reader's transaction, after the reader was allowed to see the secret,
 * and should need a query or two. Indicators no contributor returns are shown as "no records", with score 0.
 * <p>
 * The readiness of every secret asks for many secrets at once through {@link #indicators(List)}; its default
 * asks {@link #indicators(SecretUnderReview)} secret by secret, so a contributor only overrides it where one
 * query for all the secrets saves work. Both must give the same indicators for a secret.
 */
public interface ReadinessContributor {

    /** The indicators this module's records give for the secret (usually one or two). */
    List<ReadinessIndicator> indicators(SecretUnderReview secret);

    /** The indicators of each of the secrets, by asset id (every secret given has an entry). */
    default Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        for (SecretUnderReview s : secrets) {
            all.put(s.assetId(), indicators(s));
        }
        return all;
    }
}
