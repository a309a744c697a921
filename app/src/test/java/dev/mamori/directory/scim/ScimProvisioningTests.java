package dev.mamori.directory.scim;

import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SCIM 2.0 provisioning with request bodies shaped as Microsoft Entra ID and Okta send them (after their public
 * documentation): create, filter, page, PATCH (Entra's {@code "Replace"} with string booleans, Okta's value object),
 * PUT, DELETE as a leave notice, read-only Groups, discovery, and the refusals.
 */
@MamoriTest
class ScimProvisioningTests {

    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired JsonMapper json;
    @Autowired NotificationService inbox;

    String token;
    MamoriUserDetails admin;
    MamoriUserDetails hr;
    long dept;
    String deptCode;
    String deptName;
    String tag;

    @BeforeEach
    void provisioningAccount() {
        admin = users.create(Role.SYSTEM_ADMIN);
        hr = users.create(Role.HR);
        token = users.token(admin);
        Register reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        var d = Register.as(hr, () -> directory.department(dept));
        deptCode = d.code();
        deptName = d.nameJa();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token)).accept(SCIM));
    }

    /** A create as Entra ID sends it, with the enterprise extension mapped to 社員番号 and department. */
    String entraCreate(String userName, String externalId, String employeeNumber) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"山田 花子","familyName":"山田","givenName":"花子"},
                 "title":"主任","roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"%s","department":"%s"}}
                """.formatted(externalId, userName, userName, employeeNumber, deptCode);
    }

    long create(String userName, String externalId, String employeeNumber) throws Exception {
        String body = call(post("/scim/v2/Users").contentType(SCIM).content(entraCreate(userName, externalId, employeeNumber)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.readTree(body).get("id").asString());
    }

    @Test
    void createsAUserAsEntraIdSendsItThroughTheDirectoryAndTheLedger() throws Exception {
        String userName = "hanako." + tag + "@asagiri.example";
        String body = call(post("/scim/v2/Users").contentType(SCIM).content(entraCreate(userName, "ext-" + tag, "S" + tag)))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(SCIM))
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/scim/v2/Users/")))
                .andExpect(jsonPath("$.userName").value(userName))
                .andExpect(jsonPath("$.externalId").value("ext-" + tag))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber").value("S" + tag))
                .andExpect(jsonPath("$.groups[0].value").value(String.valueOf(dept)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(json.readTree(body).get("id").asString());
        PersonView p = directory.findPerson(id).orElseThrow();
        assertThat(p.name()).isEqualTo("山田 花子");
        assertThat(p.email()).isEqualTo(userName);
        assertThat(p.primaryDepartment().id()).isEqualTo(dept);
        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(LedgerEntry::action)
                .contains("directory.person.registered", "directory.scim.userProvisioned")
                .allSatisfy(a -> assertThat(a).isNotNull());
        assertThat(ledger.historyOf(Subject.of("person", id))).allSatisfy(e ->
                assertThat(e.actor().username()).isEqualTo(admin.getUsername()));
    }

    @Test
    void refusesADuplicateUserNameAndAMissingEmployeeNumberWithScimErrors() throws Exception {
        String userName = "dup." + tag + "@asagiri.example";
        create(userName, "ext1-" + tag, "D" + tag);
        call(post("/scim/v2/Users").contentType(SCIM).content(entraCreate(userName, "ext2-" + tag, "E" + tag)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"))
                .andExpect(jsonPath("$.status").value("409"))
                .andExpect(jsonPath("$.scimType").value("uniqueness"));
        call(post("/scim/v2/Users").contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x.%s@asagiri.example",
                 "name":{"givenName":"x","familyName":"y"},"active":true}""".formatted(tag)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.scimType").value("invalidValue"));
    }

    @Test
    void filtersWithEqCoAndSwAndPages() throws Exception {
        for (int i = 0; i < 3; i++) {
            create("f" + i + "." + tag + "@asagiri.example", "fx" + i + "-" + tag, "F" + i + tag);
        }
        call(get("/scim/v2/Users").param("filter", "userName eq \"F1." + tag + "@asagiri.example\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].externalId").value("fx1-" + tag));
        call(get("/scim/v2/Users").param("filter", "externalId eq \"fx2-" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(1));
        call(get("/scim/v2/Users").param("filter", "emails co \"." + tag + "@\"").param("startIndex", "2").param("count", "1"))
                .andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.startIndex").value(2))
                .andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.Resources.length()").value(1));
        call(get("/scim/v2/Users").param("filter", "userName sw \"f0." + tag + "\" and active eq true"))
                .andExpect(jsonPath("$.totalResults").value(1));
        call(get("/scim/v2/Users").param("filter",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"F2" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(1));
        call(get("/scim/v2/Users").param("filter", "userName eq \"nobody-" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(0))
                .andExpect(jsonPath("$.Resources").isEmpty());
        call(get("/scim/v2/Users").param("filter", "userName zz \"x\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.scimType").value("invalidFilter"));
    }

    /** A create as Okta sends it, with the given name parts and display name. */
    long oktaCreate(String userName, String externalId, String employeeNumber, String family, String given,
                    String display) throws Exception {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"%s","externalId":"%s","name":{"givenName":"%s","familyName":"%s"},"displayName":"%s",
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true,"locale":"ja-JP",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"%s","department":"%s"}}
                """.formatted(userName, externalId, given, family, display, userName, employeeNumber, deptCode);
        String out = call(post("/scim/v2/Users").contentType(SCIM).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.readTree(out).get("id").asString());
    }

    @Test
    void filtersAsEntraAndOktaSendThemAreAnsweredFromSql() throws Exception {
        long yamaguchi = oktaCreate("yg." + tag + "@asagiri.example", "okta-00u" + tag, "Y" + tag, "山口", "一郎",
                "山口 一郎 " + tag);
        oktaCreate("kw." + tag + "@asagiri.example", "okta-00v" + tag, "K" + tag, "川上", "二郎", "川上 二郎 " + tag);
        // Entra ID's matching query before a create, then by the anchor it keeps
        call(get("/scim/v2/Users").param("filter", "userName eq \"YG." + tag + "@asagiri.example\""))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(String.valueOf(yamaguchi)));
        call(get("/scim/v2/Users").param("filter", "externalId eq \"okta-00u" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(1));
        call(get("/scim/v2/Users").param("filter", "externalId eq \"OKTA-00U" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(0));
        // Okta's query with its paging parameters
        call(get("/scim/v2/Users").param("filter", "userName eq \"kw." + tag + "@asagiri.example\"")
                        .param("startIndex", "1").param("count", "100"))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].name.familyName").value("川上"));
        call(get("/scim/v2/Users").param("filter", "emails[type eq \"work\"].value eq \"yg." + tag + "@asagiri.example\""))
                .andExpect(jsonPath("$.totalResults").value(1));
        call(get("/scim/v2/Users").param("filter", "name.familyName sw \"山\" and displayName co \"" + tag + "\""))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].name.givenName").value("一郎"));
        call(get("/scim/v2/Users").param("filter", "(name.givenName eq \"一郎\" or name.givenName eq \"二郎\")"
                        + " and userName co \"." + tag + "@\" and active eq true").param("count", "1"))
                .andExpect(jsonPath("$.totalResults").value(2))
                .andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.Resources.length()").value(1));
        call(get("/scim/v2/Users").param("filter", "displayName co \"" + tag + "\" and not (name.familyName eq \"山口\")"))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].name.familyName").value("川上"));
        call(get("/scim/v2/Users").param("filter", "displayName co \"" + tag + "\"").param("startIndex", "5"))
                .andExpect(jsonPath("$.totalResults").value(2))
                .andExpect(jsonPath("$.Resources").isEmpty());
        call(get("/scim/v2/Users").param("filter", "userName eq \"x' or '1'='1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalResults").value(0));
    }

    @Test
    void aContainsWithPercentOrUnderscoreMatchesThemLiterally() throws Exception {
        oktaCreate("pa." + tag + "@asagiri.example", "pa-" + tag, "PA" + tag, "割引", "太郎", "Q" + tag + "50%_off");
        oktaCreate("pb." + tag + "@asagiri.example", "pb-" + tag, "PB" + tag, "割引", "次郎", "Q" + tag + "50xyoff");
        call(get("/scim/v2/Users").param("filter", "displayName co \"" + tag + "50%_\""))
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].externalId").value("pa-" + tag));
        call(get("/scim/v2/Users").param("filter", "displayName sw \"Q" + tag + "50_\""))
                .andExpect(jsonPath("$.totalResults").value(0));
        call(get("/scim/v2/Users").param("filter", "displayName sw \"Q" + tag + "50\""))
                .andExpect(jsonPath("$.totalResults").value(2));
    }

    @Test
    void entraDeactivationWithAStringBooleanBecomesALeaveNoticeForHrAndReactivationWithdrawsIt() throws Exception {
        long id = create("leaver." + tag + "@asagiri.example", "lx-" + tag, "L" + tag);
        call(patch("/scim/v2/Users/{id}", id).contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        PersonView p = directory.findPerson(id).orElseThrow();
        assertThat(p.status()).isEqualTo(PersonStatus.LEAVING);
        assertThat(p.noticeDate()).isEqualTo(directory.today());
        assertThat(inbox.inbox(hr.accountId())).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("directory.scim.deactivated");
            assertThat(n.args()).contains("L" + tag);
        });
        call(patch("/scim/v2/Users/{id}", id).contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"True"}]}"""))
                .andExpect(jsonPath("$.active").value(true));
        assertThat(directory.findPerson(id).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(LedgerEntry::action)
                .contains("directory.person.leaveNotified", "directory.person.leaveRetracted");
    }

    @Test
    void entraAttributeUpdatesWithFilteredEmailPathsAndTheManagerExtension() throws Exception {
        long manager = create("boss." + tag + "@asagiri.example", "bx-" + tag, "B" + tag);
        long id = create("worker." + tag + "@asagiri.example", "wx-" + tag, "W" + tag);
        call(patch("/scim/v2/Users/{id}", id).contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"title","value":"係長"},
                  {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"new.%s@asagiri.example"},
                  {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%d"},
                  {"op":"Replace","path":"displayName","value":"山田 花子（旧姓 佐藤）"}]}""".formatted(tag, manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("係長"))
                .andExpect(jsonPath("$.emails[0].value").value("new." + tag + "@asagiri.example"))
                .andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].manager.value").value(String.valueOf(manager)));
        PersonView p = directory.findPerson(id).orElseThrow();
        assertThat(p.position()).isEqualTo("係長");
        assertThat(p.name()).isEqualTo("山田 花子（旧姓 佐藤）");
        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(LedgerEntry::action).contains("directory.person.updated");
    }

    @Test
    void oktaDeactivatesWithAValueObjectAndReplacesWithPut() throws Exception {
        String userName = "okta." + tag + "@asagiri.example";
        long id = create(userName, "ox-" + tag, "O" + tag);
        call(put("/scim/v2/Users/{id}", id).contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id":"%d","userName":"%s",
                 "name":{"givenName":"花子","familyName":"山田"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"山田 花子","locale":"ja-JP","externalId":"ox-%s","groups":[],"active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"O%s","department":"%s"}}"""
                .formatted(id, userName, userName, tag, tag, deptName)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("山田 花子"));
        call(patch("/scim/v2/Users/{id}", id).contentType(SCIM).content("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(directory.findPerson(id).orElseThrow().status()).isEqualTo(PersonStatus.LEAVING);
    }

    @Test
    void deleteIsALeaveNoticeNotADeletion() throws Exception {
        long id = create("del." + tag + "@asagiri.example", "dx-" + tag, "X" + tag);
        call(delete("/scim/v2/Users/{id}", id)).andExpect(status().isNoContent());
        assertThat(directory.findPerson(id).orElseThrow().status()).isEqualTo(PersonStatus.LEAVING);
        call(get("/scim/v2/Users/{id}", 999_999_999L)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("404"));
    }

    @Test
    void groupsAreTheDepartmentsReadOnlyWithTheirMembers() throws Exception {
        long id = create("g." + tag + "@asagiri.example", "gx-" + tag, "G" + tag);
        call(get("/scim/v2/Groups").param("filter", "displayName eq \"" + deptName + "\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(String.valueOf(dept)))
                .andExpect(jsonPath("$.Resources[0].members[0].value").value(String.valueOf(id)));
        call(get("/scim/v2/Groups/{id}", dept).param("excludedAttributes", "members"))
                .andExpect(jsonPath("$.externalId").value(deptCode))
                .andExpect(jsonPath("$.members").doesNotExist());
        call(post("/scim/v2/Groups").contentType(SCIM).content("{\"displayName\":\"x\"}"))
                .andExpect(status().isNotImplemented());
    }

    @Test
    void discoveryEndpointsDescribeWhatIsSupported() throws Exception {
        call(get("/scim/v2/ServiceProviderConfig")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(SCIM))
                .andExpect(jsonPath("$.patch.supported").value(true))
                .andExpect(jsonPath("$.filter.supported").value(true));
        call(get("/scim/v2/ResourceTypes")).andExpect(jsonPath("$.Resources[0].id").value("User"));
        call(get("/scim/v2/Schemas")).andExpect(jsonPath("$.totalResults").value(3));
    }

    @Test
    void refusesCallsWithoutATokenWithAnInvalidTokenAndWithANonProvisioningToken() throws Exception {
        mvc.perform(get("/scim/v2/Users")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"))
                .andExpect(jsonPath("$.status").value("401"));
        mvc.perform(get("/scim/v2/Users").header("Authorization", "Bearer mmr_not-a-token")).andExpect(status().isUnauthorized());
        mvc.perform(get("/scim/v2/Users").header("Authorization", bearer(users.token(hr))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value("403"));
        mvc.perform(post("/scim/v2/Users").header("Authorization", bearer(users.token(users.create(Role.EMPLOYEE))))
                        .contentType(SCIM).content(entraCreate("no." + tag + "@x.example", "n-" + tag, "N" + tag)))
                .andExpect(status().isForbidden());
        assertThat(directory.findPersonByEmployeeNumber("N" + tag)).isEmpty();
    }

    @SuppressWarnings("unused")
    private JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }
}
