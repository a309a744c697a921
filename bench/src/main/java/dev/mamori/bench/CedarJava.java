package dev.mamori.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

import dev.mamori.access.AccessQuestion;
import dev.mamori.policy.Action;

/**
 * The Cedar engine embedded in the JVM (cedar-java: the Rust engine through JNI), given the comparison's schema
 * ({@code bench/cedar/mamori.cedarschema}) and policies ({@code bench/cedar/mamori.cedar}), both validated once
 * and cached on the engine's side. {@link #entities} builds a question's entity slice as cedar-java objects (what
 * an integrator keeping Mamori's data in Cedar would hand over per call); {@link #allowed} is one
 * {@code isAuthorized} call with the request validated against the schema.
 */
final class CedarJava {

    private static final EntityTypeName PERSON = EntityTypeName.parse("Person").orElseThrow();
    private static final EntityTypeName SCOPE = EntityTypeName.parse("Scope").orElseThrow();
    private static final EntityTypeName ENTRY = EntityTypeName.parse("Entry").orElseThrow();
    private static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

    private final AuthorizationEngine engine = new BasicAuthorizationEngine();
    private final PolicySet policies;
    private final Schema schema;
    private final Map<Action, EntityUID> actions = new HashMap<>();

    CedarJava(Path dir) throws IOException, AuthException, com.cedarpolicy.model.exception.CacheException {
        policies = PolicySet.parsePolicies(Files.readString(dir.resolve("mamori.cedar"), StandardCharsets.UTF_8));
        schema = Schema.parse(Schema.JsonOrCedar.Cedar, Files.readString(dir.resolve("mamori.cedarschema"), StandardCharsets.UTF_8));
        ValidationResponse valid = engine.validate(new ValidationRequest(schema, policies));
        if (!valid.validationPassed()) {
            throw new IllegalStateException("the Cedar policies do not validate against the schema: " + valid);
        }
        policies.cache();
        schema.cache();
        actions.put(Action.VIEW, ACTION.of("view"));
        actions.put(Action.DOWNLOAD, ACTION.of("download"));
        actions.put(Action.DISPOSE, ACTION.of("dispose"));
    }

    static String version() {
        return AuthorizationEngine.getCedarLangVersion();
    }

    /** The question's entity slice as cedar-java entities. */
    static Set<Entity> entities(Shadow s, AccessQuestion q, int now, long[][] buffers) {
        Set<Entity> out = new HashSet<>();
        CedarComparison.slice(s, q, now, buffers, new CedarComparison.SliceSink() {
            @Override
            public void person(long id, boolean left, List<String> scopes) {
                Set<EntityUID> parents = new HashSet<>();
                scopes.forEach(x -> parents.add(SCOPE.of(x)));
                out.add(new Entity(PERSON.of(Long.toString(id)), Map.of("left", new PrimBool(left)), parents));
            }

            @Override
            public void department(String scope, String parentScope) {
                out.add(new Entity(SCOPE.of(scope), Map.of(), parentScope == null ? Set.of() : Set.of(SCOPE.of(parentScope))));
            }

            @Override
            public void entry(long id, String level, boolean disposed, long[] managers, long[][] people, String[][] scopes) {
                Map<String, Value> attrs = new HashMap<>();
                attrs.put("level", new PrimString(level));
                attrs.put("disposed", new PrimBool(disposed));
                attrs.put("managers", people(managers));
                for (int l = 0; l < 3; l++) {
                    attrs.put(CedarComparison.LEVEL_NAMES[l] + "People", people(people[l]));
                    attrs.put(CedarComparison.LEVEL_NAMES[l] + "Scopes",
                            new CedarList(Arrays.stream(scopes[l]).distinct().<Value>map(SCOPE::of).toList()));
                }
                out.add(new Entity(ENTRY.of(Long.toString(id)), attrs, Set.of()));
            }
        });
        return out;
    }

    private static CedarList people(long[] ids) {
        return new CedarList(Arrays.stream(ids).distinct().mapToObj(p -> (Value) PERSON.of(Long.toString(p))).toList());
    }

    /** One authorization: allow or deny (an engine error is thrown, never counted as a decision). */
    boolean allowed(AccessQuestion q, Set<Entity> entities) throws AuthException {
        AuthorizationRequest request = new AuthorizationRequest(PERSON.of(Long.toString(q.personId())), actions.get(q.action()),
                ENTRY.of(Long.toString(q.assetId())), Optional.of(Map.of()), Optional.of(schema), true);
        AuthorizationResponse answer = engine.isAuthorized(request, policies, entities);
        if (answer.success.isEmpty()) {
            throw new IllegalStateException("Cedar failed on " + q + ": " + answer);
        }
        return answer.success.get().isAllowed();
    }
}
