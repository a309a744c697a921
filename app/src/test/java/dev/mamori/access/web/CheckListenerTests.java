package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.VaultFixture;

/**
 * The check listener (enabled in the tests' settings, on a free port) answers exactly what the application's own
 * port answers — by entry, by document, by 社員番号, one at a time or in a batch — over real HTTP, refuses the same
 * callers the same way (401 without a valid token, at once after revocation; 403 for an employee asking about
 * someone else, and the same refusal whether or not the number or document asked about exists), turns every
 * malformed request into a problem+json answer, and keeps the order of pipelined requests even when one of them
 * needs the database and the next does not — a 413 and a 100 Continue included; cuts off requests piling up behind a slow one (503,
 * connection closed) and answers nothing after a closing answer.
 */
@MamoriTest
class CheckListenerTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired CheckListener listener;
    @Autowired TestUsers users;
    @Autowired ApiTokens tokens;
    @Autowired Directory directory;
    @Autowired JsonMapper json;
    @Autowired javax.sql.DataSource dataSource;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    VaultFixture f;
    String integration;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        integration = bearer(users.token(users.create(Role.IT_SECURITY)));
    }

    record Answer(int status, String contentType, String allow, String wwwAuthenticate, JsonNode body) {
    }

    Answer listen(String method, String path, String authorization, String contentType, String body, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Allow").orElse(null),
                response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    Answer ask(String path, String authorization, String body) throws Exception {
        return listen("POST", path, authorization, "application/json", body, null);
    }

    JsonNode viaApplicationPort(String path, String authorization, String body, int status) throws Exception {
        return json.readTree(mvc.perform(post(path).header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }


    @Test
    void answersWhatTheApplicationsPortAnswersByEntryDocumentAndEmployeeNumber() throws Exception {
        long doc = f.uploadPdf("リスナーで問う");
        String holderNumber = Register.as(users.create(Role.HR), () -> directory.person(f.holder.personId()))
                .employeeNumber();
        List<String> questions = new ArrayList<>();
        for (long person : new long[] {f.holder.personId(), f.outsider.personId(), f.manager.personId()}) {
            for (String action : new String[] {"VIEW", "DOWNLOAD", "COPY", "TAKE_OUT", "PROVIDE_TO_THIRD_PARTY"}) {
                questions.add("{\"personId\":" + person + ",\"action\":\"" + action + "\",\"assetId\":" + f.assetId + "}");
                questions.add("{\"personId\":" + person + ",\"action\":\"" + action + "\",\"documentId\":" + doc + "}");
            }
        }
        questions.add("{\"employeeNumber\":\"" + holderNumber + "\",\"action\":\"VIEW\",\"assetId\":" + f.assetId
                + ",\"medium\":\"ELECTRONIC\",\"location\":\"OUTSIDE_OFFICE\",\"recipient\":\"NONE\"}");
        for (String q : questions) {
            Answer answer = ask(CheckEndpoint.PATH, integration, q);
            assertThat(answer.status()).as(q).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.body()).as(q).isEqualTo(viaApplicationPort(CheckEndpoint.PATH, integration, q, 200));
        }
        assertThat(ask(CheckEndpoint.PATH, integration, questions.get(0)).body().get("permitted").asBoolean()).isTrue();
        assertThat(ask(CheckEndpoint.PATH, integration, questions.get(10)).body().get("permitted").asBoolean()).isFalse();
        String batch = "{\"checks\":[" + String.join(",", questions) + "]}";
        Answer answers = ask(CheckEndpoint.BATCH_PATH, integration, batch);
        assertThat(answers.status()).isEqualTo(200);
        assertThat(answers.body().get("results")).hasSize(questions.size());
        assertThat(answers.body()).isEqualTo(viaApplicationPort(CheckEndpoint.BATCH_PATH, integration, batch, 200));
    }

    @Test
    void refusesCallersWithoutAValidTokenAndEmployeesAskingAboutOthers() throws Exception {
        String q = "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}";
        for (String authorization : new String[] {null, "Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer "}) {
            Answer refused = ask(CheckEndpoint.PATH, authorization, q);
            assertThat(refused.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asString()).isEqualTo("platform.error.unauthorized");
        }
        // an employee may ask about themselves only
        String own = bearer(users.token(f.holder));
        assertThat(ask(CheckEndpoint.PATH, own, q).status()).isEqualTo(200);
        Answer other = ask(CheckEndpoint.PATH, own,
                "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("code").asString()).isEqualTo("access.check.outOfScope");
        // a token in use is refused on the very next request after it is revoked
        ApiTokens.IssuedToken issued = tokens.create(f.holder.accountId(), "listener-revoked", 7);
        String secret = issued.secret();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(CheckEndpoint.PATH, bearer(secret), q).status()).isEqualTo(200);
        }
        tokens.revoke(f.holder.accountId(), issued.id());
        assertThat(ask(CheckEndpoint.PATH, bearer(secret), q).status()).isEqualTo(401);
    }

    @Test
    void malformedRequestsGetTheSameProblemsAsOnTheApplicationsPort() throws Exception {
        for (String body : new String[] {"{\"personId\":", "{\"personId\":1,\"action\":\"FLY\",\"assetId\":1}", "",
                "{\"personId\":\"abc\",\"action\":\"VIEW\",\"assetId\":1}", "{\"personId\":1,\"action\":\"VIEW\"}",
                "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"documentId\":987654321}",
                "{\"employeeNumber\":\"no-such-number\",\"action\":\"VIEW\",\"assetId\":1}"}) {
            Answer answer = ask(CheckEndpoint.PATH, integration, body);
            JsonNode expected = viaApplicationPort(CheckEndpoint.PATH, integration, body, answer.status());
            assertThat(answer.status()).as(body).isIn(400, 404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).as(body).isEqualTo(expected);
        }
        Answer english = listen("POST", CheckEndpoint.PATH, integration, "application/json",
                "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"documentId\":987654321}", "en-US,ja;q=0.5");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.body().get("detail").asString()).contains("not found").contains("987654321");
        assertThat(english.body().get("detail_ja").asString()).contains("見つかりません");
        assertThat(english.body().get("instance").asString()).isEqualTo(CheckEndpoint.PATH);

        Answer get = listen("GET", CheckEndpoint.PATH, integration, null, null, null);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.allow()).isEqualTo("POST");
        assertThat(get.body().get("code").asString()).isEqualTo("access.check.postOnly");
        Answer text = listen("POST", CheckEndpoint.BATCH_PATH, integration, "text/plain", "{\"checks\":[]}", null);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body().get("code").asString()).isEqualTo("access.check.jsonOnly");
        Answer elsewhere = ask("/api/v1/access/grants", integration, "{}");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().get("code").asString()).isEqualTo("platform.error.notFound");

        StringBuilder many = new StringBuilder("{\"checks\":[");
        for (int i = 0; i <= CheckEndpoint.MAX_BATCH; i++) {
            many.append(i == 0 ? "" : ",").append("{\"personId\":1,\"action\":\"VIEW\",\"assetId\":1}");
        }
        Answer tooMany = ask(CheckEndpoint.BATCH_PATH, integration, many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("code").asString()).isEqualTo("access.check.batchTooLarge");
        // a body over the listener's limit (1 MiB by default) is refused before it is read into memory
        Answer huge = ask(CheckEndpoint.BATCH_PATH, integration, "{\"checks\":[" + " ".repeat(2 * 1024 * 1024) + "]}");
        assertThat(huge.status()).isEqualTo(413);
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderWhetherOrNotTheyNeedTheDatabase() throws Exception {
        long doc = f.uploadPdf("順序の確認");
        String byDocument = "{\"personId\":" + f.outsider.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}";
        String byEntry = "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}";
        String fresh = bearer(users.token(users.create(Role.IT_SECURITY))); // not verified yet: read from the database
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder all = new StringBuilder();
            String[] bodies = {byDocument, byEntry, byDocument, byEntry};
            for (String body : bodies) {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                all.append("POST ").append(CheckEndpoint.PATH).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ")
                        .append(fresh).append("\r\nContent-Type: application/json\r\nContent-Length: ").append(b.length)
                        .append("\r\n\r\n").append(body);
            }
            out.write(all.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            for (String body : bodies) {
                JsonNode answer = json.readTree(readResponse(in));
                boolean expected = body.equals(byEntry);
                assertThat(answer.get("permitted").asBoolean()).as(body).isEqualTo(expected);
            }
        }
    }

    @Test
    void itsAddressAndOpenConnectionsAreOnTheDashboardOfThoseWhoConnectIntegrations() throws Exception {
        String port = String.valueOf(listener.port());
        try (Socket open = new Socket("127.0.0.1", listener.port())) {
            for (Role role : new Role[] {Role.IT_SECURITY, Role.SYSTEM_ADMIN}) {
                String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                                .with(TestUsers.as(users.create(role))))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(page).contains("アクセス判定リスナーの接続").contains("127.0.0.1:" + port + " で受付中");
            }
            assertThat(listener.openConnections()).isPositive();
        }
        for (Role role : new Role[] {Role.EMPLOYEE, Role.AUDITOR}) {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                            .with(TestUsers.as(users.create(role))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).doesNotContain("アクセス判定リスナー");
        }
    }

    @Test
    void employeesLearnNothingAboutOthersFromARefusal() throws Exception {
        String own = bearer(users.token(f.holder));
        String managerNumber = Register.as(users.create(Role.HR), () -> directory.person(f.manager.personId()))
                .employeeNumber();
        long doc = f.uploadPdf("存在を明かさない");
        for (String q : new String[] {
                // someone else's 社員番号 and one nobody has: the same refusal, so which numbers exist stays unknown
                "{\"employeeNumber\":\"" + managerNumber + "\",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}",
                "{\"employeeNumber\":\"NO-SUCH-9999\",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}",
                // someone else by a document, existing or not: refused before the document is looked up
                "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}",
                "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":987654321}"}) {
            Answer refused = ask(CheckEndpoint.PATH, own, q);
            assertThat(refused.status()).as(q).isEqualTo(403);
            assertThat(refused.body().get("code").asString()).as(q).isEqualTo("access.check.outOfScope");
            assertThat(viaApplicationPort(CheckEndpoint.PATH, own, q, 403).get("code").asString())
                    .isEqualTo("access.check.outOfScope");
        }
        // IT security still learns that a number or a document is unknown
        assertThat(ask(CheckEndpoint.PATH, integration,
                "{\"employeeNumber\":\"NO-SUCH-9999\",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}")
                .body().get("code").asString()).isEqualTo("access.check.unknownSubject");
        assertThat(ask(CheckEndpoint.PATH, integration,
                "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":987654321}")
                .body().get("code").asString()).isEqualTo("access.check.unknownDocument");
    }

    @Test
    void aBodyOverTheLimitIsAnsweredInItsTurnAndNothingAfterAClosingAnswer() throws Exception {
        long doc = f.uploadPdf("上限の順序");
        String byDocument = "{\"personId\":" + f.outsider.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}";
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(10_000);
            // a question that needs the database, then the head of one whose body is over max-body (1 MiB): the
            // 413 must not overtake the first answer (a pipelining client pairs answers with questions by order)
            String tooLarge = "POST " + CheckEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + integration + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write((postCheck(byDocument, integration, "") + tooLarge).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            Raw first = readRaw(in);
            assertThat(first.status()).isEqualTo(200);
            assertThat(json.readTree(first.body()).has("permitted")).isTrue();
            Raw second = readRaw(in);
            assertThat(second.status()).isEqualTo(413);
            assertThat(json.readTree(second.body()).get("code").asString()).isEqualTo("access.check.tooLarge");
        }
        String byEntry = "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}";
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((postCheck(byEntry, integration, "Connection: close\r\n") + postCheck(byEntry, integration, ""))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            Raw only = readRaw(in);
            assertThat(only.status()).isEqualTo(200);
            assertThat(only.headers().toLowerCase()).contains("connection: close");
            assertThat(in.read()).as("the request after the closing one is not answered").isEqualTo(-1);
        }
    }

    @Test
    void aHundredContinueGoesOutOnlyWhenNoEarlierAnswerIsPending() throws Exception {
        String byEntry = "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}";
        String expecting = postCheck(byEntry, integration, "Expect: 100-continue\r\n");
        String head = expecting.substring(0, expecting.indexOf("\r\n\r\n") + 4);
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // nothing pending: the interim answer at once, then the answer once the body is sent
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(new String(in.readNBytes(25), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(byEntry.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readRaw(in).status()).isEqualTo(200);
            // behind a question that needs the database: no interim answer ahead of that question's answer; the
            // client sends its body anyway (as clients do after a short wait), and both are answered in order
            long doc = f.uploadPdf("継続の順序");
            String byDocument = "{\"personId\":" + f.outsider.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}";
            out.write((postCheck(byDocument, integration, "") + head).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Raw first = readRaw(in);
            assertThat(first.status()).isEqualTo(200);
            assertThat(json.readTree(first.body()).get("permitted").asBoolean()).isFalse();
            out.write(byEntry.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Raw second = readRaw(in);
            assertThat(second.status()).isEqualTo(200);
            assertThat(json.readTree(second.body()).get("permitted").asBoolean()).isTrue();
        }
    }

    @Test
    void requestsPilingUpBehindOneWithAWorkerAreCutOffWith503() throws Exception {
        var account = users.create(Role.IT_SECURITY);
        String fresh = bearer(users.token(account)); // not verified yet: its verification writes the token's row
        String byEntry = "{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}";
        String padded = byEntry + " ".repeat(100_000 - byEntry.length());
        try (java.sql.Connection lock = dataSource.getConnection();
             Socket socket = new Socket("127.0.0.1", listener.port())) {
            lock.setAutoCommit(false);
            try (var st = lock.prepareStatement("select id from platform.api_token where account_id = ? for update")) {
                st.setLong(1, account.accountId());
                st.executeQuery().close();
            }
            socket.setSoTimeout(30_000);
            // the first request goes to a worker, which waits for the row lock held here; twelve more of 100,000
            // bytes arrive meanwhile: ten fit in max-body (1 MiB) of waiting requests, the eleventh is one too many
            StringBuilder all = new StringBuilder(postCheck(byEntry, fresh, ""));
            for (int i = 0; i < 12; i++) {
                all.append(postCheck(padded, fresh, ""));
            }
            byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (java.io.IOException e) {
                    // seen below: the answers will not come
                }
            });
            writer.start();
            writer.join(20_000);
            assertThat(writer.isAlive()).as("the listener went on reading while the first request waited").isFalse();
            Thread.sleep(1_000); // for the listener to read what is written
            lock.rollback();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 11; i++) {
                assertThat(readRaw(in).status()).as("answer %d", i).isEqualTo(200);
            }
            Raw cut = readRaw(in);
            assertThat(cut.status()).isEqualTo(503);
            assertThat(json.readTree(cut.body()).get("code").asString()).isEqualTo("access.check.busy");
            assertThat(cut.headers().toLowerCase()).contains("connection: close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** A POST of the body to the check's path, with the given extra header lines. */
    private static String postCheck(String body, String authorization, String extraHeaders) {
        return "POST " + CheckEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\n" + extraHeaders + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    record Raw(int status, String headers, String body) {
    }

    /** One HTTP/1.1 response with Content-Length from the stream, whatever its status. */
    private static Raw readRaw(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("connection closed");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Raw(Integer.parseInt(headers.substring(9, 12)), headers,
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** One HTTP/1.1 response with Content-Length from the stream; its body. */
    private static String readResponse(InputStream in) throws Exception {
        Raw response = readRaw(in);
        assertThat(response.headers()).startsWith("HTTP/1.1 200");
        return response.body();
    }
}
