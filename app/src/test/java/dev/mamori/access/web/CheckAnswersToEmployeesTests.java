package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.GrantDraft;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.policy.Action;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.VaultFixture;

/**
 * An employee asking the check endpoint about themselves learns of an entry no more than the register shows them:
 * about an entry of a concealed level (極秘 by default) that they neither hold, manage nor see, the answer is the
 * one about an entry that does not exist (and a document under it is "not found"); about one of another level, only
 * that it is outside their scope — no level, no policy reason. Those who know of the entry, and the integration
 * accounts that may ask about anyone, get the whole answer. The same on the application's port and the listener.
 */
@MamoriTest
class CheckAnswersToEmployeesTests {

    static final long NO_SUCH_ENTRY = 987_654_321_987L;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired CheckListener listener;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired Inventory inventory;
    @Autowired JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    VaultFixture f;
    String integration;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        integration = bearer(users.token(users.create(Role.IT_SECURITY)));
    }

    record Answer(int status, JsonNode body) {
    }

    /** The same question on both ports; asserts they answer alike and returns the answer. */
    Answer ask(String path, String authorization, String body) throws Exception {
        var response = mvc.perform(post(path).header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        Answer viaApplication = new Answer(response.getStatus(),
                json.readTree(response.getContentAsString(StandardCharsets.UTF_8)));
        HttpResponse<String> listened = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + listener.port() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Answer viaListener = new Answer(listened.statusCode(), json.readTree(listened.body()));
        assertThat(viaListener).as("listener and application port: " + body).isEqualTo(viaApplication);
        return viaApplication;
    }

    static String byEntry(long person, Action action, long assetId) {
        return "{\"personId\":" + person + ",\"action\":\"" + action + "\",\"assetId\":" + assetId + "}";
    }

    /** An answer with the entry's id taken out of its reason, to compare answers about different ids. */
    ObjectNode withoutId(JsonNode answer, long assetId) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("assetId");
        ObjectNode reason = (ObjectNode) copy.get("reason");
        for (String language : new String[] {"ja", "en"}) {
            reason.put(language, reason.get(language).asString().replace(String.valueOf(assetId), "#"));
        }
        return copy;
    }

    @Test
    void aConcealedEntryAnEmployeeDoesNotKnowOfIsAnsweredAsIfItDidNotExist() throws Exception {
        String outsider = bearer(users.token(f.outsider));
        long me = f.outsider.personId();
        for (Action action : Action.values()) {
            JsonNode concealed = ask(CheckEndpoint.PATH, outsider, byEntry(me, action, f.assetId)).body();
            JsonNode unknown = ask(CheckEndpoint.PATH, outsider, byEntry(me, action, NO_SUCH_ENTRY)).body();
            assertThat(concealed.get("permitted").asBoolean()).isFalse();
            assertThat(concealed.get("reason").get("key").asString()).isEqualTo("access.check.unknownEntry");
            assertThat(concealed.get("levelCode").isNull()).as(action.name()).isTrue();
            assertThat(withoutId(concealed, f.assetId)).as(action.name()).isEqualTo(withoutId(unknown, NO_SUCH_ENTRY));
            // the integration account still learns everything about the same question
            JsonNode whole = ask(CheckEndpoint.PATH, integration, byEntry(me, action, f.assetId)).body();
            assertThat(whole.get("levelCode").asString()).isEqualTo("TOP_SECRET");
        }
        JsonNode batch = ask(CheckEndpoint.BATCH_PATH, outsider, "{\"checks\":[" + byEntry(me, Action.VIEW, f.assetId)
                + "," + byEntry(me, Action.VIEW, NO_SUCH_ENTRY) + "]}").body();
        assertThat(withoutId(batch.get("results").get(0), f.assetId))
                .isEqualTo(withoutId(batch.get("results").get(1), NO_SUCH_ENTRY));

        long doc = f.uploadPdf("見えない文書");
        Answer byDocument = ask(CheckEndpoint.PATH, outsider,
                "{\"personId\":" + me + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}");
        Answer noDocument = ask(CheckEndpoint.PATH, outsider,
                "{\"personId\":" + me + ",\"action\":\"VIEW\",\"documentId\":" + (doc + 1_000_000_000L) + "}");
        assertThat(byDocument.status()).isEqualTo(404);
        assertThat(byDocument.body().get("code").asString()).isEqualTo("access.check.unknownDocument");
        assertThat(noDocument.status()).isEqualTo(404);
        assertThat(noDocument.body().get("code").asString()).isEqualTo("access.check.unknownDocument");
        assertThat(ask(CheckEndpoint.PATH, integration,
                "{\"personId\":" + me + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}").status()).isEqualTo(200);
    }

    @Test
    void thoseWhoKnowOfTheEntryGetTheWholeAnswer() throws Exception {
        // the outsider is given a grant to view: now they know of the entry, and a refusal to download says why
        Register.as(f.manager, () -> access.grant(new GrantDraft(f.assetId, AccessHolder.person(f.outsider.personId()),
                AccessLevel.VIEW, "レビュー参加", null, null)));
        int refusalsWithLevel = 0;
        for (var who : List.of(f.holder, f.manager, f.outsider)) {
            String self = bearer(users.token(who));
            for (Action action : Action.values()) {
                String q = byEntry(who.personId(), action, f.assetId);
                JsonNode own = ask(CheckEndpoint.PATH, self, q).body();
                assertThat(own).as(who.getUsername() + " " + action).isEqualTo(ask(CheckEndpoint.PATH, integration, q).body());
                if (!own.get("permitted").asBoolean() && !own.get("levelCode").isNull()
                        && "TOP_SECRET".equals(own.get("levelCode").asString())) {
                    refusalsWithLevel++;
                }
            }
        }
        JsonNode tooNarrow = ask(CheckEndpoint.PATH, bearer(users.token(f.outsider)),
                byEntry(f.outsider.personId(), Action.DOWNLOAD, f.assetId)).body();
        assertThat(tooNarrow.get("reason").get("key").asString()).isEqualTo("access.check.grantTooNarrow");
        assertThat(tooNarrow.get("levelCode").asString()).isEqualTo("TOP_SECRET");
        assertThat(refusalsWithLevel).isGreaterThan(1);
    }

    @Test
    void anEntryOfALevelNotConcealedOutsideTheirScopeIsRefusedWithoutItsLevel() throws Exception {
        VaultFixture other = new VaultFixture(context);
        long confidential = Register.as(other.manager, () -> inventory.register(new dev.mamori.inventory.AssetDraft(
                "取引先別価格表" + Register.unique(""), "説明", other.departmentId, other.manager.personId(),
                dev.mamori.inventory.AssetKind.BUSINESS, null,
                List.of(new dev.mamori.inventory.FormEntry(dev.mamori.inventory.AssetForm.ELECTRONIC, "vault")),
                dev.mamori.inventory.Origin.OWN, null, null, dev.mamori.inventory.LegalRegimes.none())));
        Register.as(other.manager, () -> {
            inventory.designate(confidential, new dev.mamori.inventory.DesignationDraft("CONFIDENTIAL",
                    List.of(AccessHolder.person(other.holder.personId())), null, "価格改定まで", null, "営業情報"));
            return null;
        });
        String outsider = bearer(users.token(f.outsider));
        long me = f.outsider.personId();
        List<Action> refused = new ArrayList<>();
        for (Action action : Action.values()) {
            JsonNode whole = ask(CheckEndpoint.PATH, integration, byEntry(me, action, confidential)).body();
            JsonNode own = ask(CheckEndpoint.PATH, outsider, byEntry(me, action, confidential)).body();
            if (whole.get("permitted").asBoolean()) {
                assertThat(own).as(action.name()).isEqualTo(whole);
                continue;
            }
            refused.add(action);
            assertThat(whole.get("levelCode").asString()).isEqualTo("CONFIDENTIAL");
            assertThat(own.get("permitted").asBoolean()).isFalse();
            assertThat(own.get("outcome").asString()).isEqualTo("DENY");
            assertThat(own.get("levelCode").isNull()).as(action.name()).isTrue();
            assertThat(own.get("obligations")).isEmpty();
            assertThat(own.get("assetId").asLong()).isEqualTo(confidential);
            assertThat(own.get("reason").get("key").asString()).isEqualTo("access.check.entryOutOfScope");
            assertThat(own.get("reason").get("ja").asString()).contains("範囲");
            assertThat(own.get("reason").get("en").asString()).contains("need to know");
            assertThat(own.toString()).doesNotContain("社外秘").doesNotContain("CONFIDENTIAL");
        }
        assertThat(refused).isNotEmpty();
        // the entry's own holder (in the other department) gets the whole answer
        String holder = bearer(users.token(other.holder));
        for (Action action : refused) {
            String q = byEntry(other.holder.personId(), action, confidential);
            assertThat(ask(CheckEndpoint.PATH, holder, q).body()).isEqualTo(ask(CheckEndpoint.PATH, integration, q).body());
        }
    }
}
