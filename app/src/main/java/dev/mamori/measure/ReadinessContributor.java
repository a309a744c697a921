package dev.mamori.measure;

import java.util.List;

/**
 * The service-provider interface of trade-secret readiness: a module that holds evidence about designated
 * secrets (pledges, acknowledgements, access logs…) implements it as a Spring bean and returns its indicators
 * for a secret. It is called inside the reader's transaction, after the reader was allowed to see the secret,
 * and should need a query or two. Indicators no contributor returns are shown as "no records", with score 0.
 */
public interface ReadinessContributor {

    /** The indicators this module's records give for the secret (usually one or two). */
    List<ReadinessIndicator> indicators(SecretUnderReview secret);
}
