package dev.mamori.directory.web.scim;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SCIM discovery (RFC 7644 4): ServiceProviderConfig, ResourceTypes, Schemas — what Mamori supports. */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController extends ScimErrors {

    ScimDiscoveryController(JsonMapper json) {
        super(json);
    }

    @GetMapping("/ServiceProviderConfig")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<JsonNode> show() {
        return ok(json.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                 "documentationUri":"https://github.com/mamori-dev/mamori#scim",
                 "patch":{"supported":true},
                 "bulk":{"supported":false,"maxOperations":0,"maxPayloadSize":0},
                 "filter":{"supported":true,"maxResults":200},
                 "changePassword":{"supported":false},
                 "sort":{"supported":false},
                 "etag":{"supported":false},
                 "authenticationSchemes":[{"type":"oauthbearertoken","name":"API token",
                   "description":"A Mamori API token of an account allowed to provision (SYSTEM_ADMIN), as Authorization: Bearer","primary":true}],
                 "meta":{"resourceType":"ServiceProviderConfig","location":"/scim/v2/ServiceProviderConfig"}}"""));
    }

    @GetMapping("/ResourceTypes")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<JsonNode> list(HttpServletRequest request) {
        return ok(json.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":2,"startIndex":1,"itemsPerPage":2,
                 "Resources":[
                  {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"User","name":"User","endpoint":"/Users",
                   "schema":"urn:ietf:params:scim:schemas:core:2.0:User",
                   "schemaExtensions":[{"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":false}],
                   "meta":{"resourceType":"ResourceType","location":"/scim/v2/ResourceTypes/User"}},
                  {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"Group","name":"Group","endpoint":"/Groups",
                   "schema":"urn:ietf:params:scim:schemas:core:2.0:Group",
                   "meta":{"resourceType":"ResourceType","location":"/scim/v2/ResourceTypes/Group"}}]}"""));
    }

    @GetMapping("/Schemas")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<JsonNode> schemas() {
        return ok(json.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"startIndex":1,"itemsPerPage":3,
                 "Resources":[
                  {"id":"urn:ietf:params:scim:schemas:core:2.0:User","name":"User","description":"A directory person",
                   "attributes":[
                    {"name":"userName","type":"string","multiValued":false,"required":true,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"server"},
                    {"name":"externalId","type":"string","multiValued":false,"required":false,"caseExact":true,"mutability":"readWrite","returned":"default","uniqueness":"server"},
                    {"name":"name","type":"complex","multiValued":false,"required":false,"mutability":"readWrite","returned":"default","subAttributes":[
                      {"name":"formatted","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                      {"name":"familyName","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                      {"name":"givenName","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"}]},
                    {"name":"displayName","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                    {"name":"title","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                    {"name":"active","type":"boolean","multiValued":false,"required":false,"mutability":"readWrite","returned":"default"},
                    {"name":"emails","type":"complex","multiValued":true,"required":false,"mutability":"readWrite","returned":"default","subAttributes":[
                      {"name":"value","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                      {"name":"type","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                      {"name":"primary","type":"boolean","multiValued":false,"required":false,"mutability":"readWrite","returned":"default"}]},
                    {"name":"groups","type":"complex","multiValued":true,"required":false,"mutability":"readOnly","returned":"default"}],
                   "meta":{"resourceType":"Schema","location":"/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}},
                  {"id":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","name":"EnterpriseUser","description":"社員番号, department and manager",
                   "attributes":[
                    {"name":"employeeNumber","type":"string","multiValued":false,"required":true,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"server"},
                    {"name":"department","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"},
                    {"name":"manager","type":"complex","multiValued":false,"required":false,"mutability":"readWrite","returned":"default","subAttributes":[
                      {"name":"value","type":"string","multiValued":false,"required":false,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"none"}]}],
                   "meta":{"resourceType":"Schema","location":"/scim/v2/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}},
                  {"id":"urn:ietf:params:scim:schemas:core:2.0:Group","name":"Group","description":"A department (read-only)",
                   "attributes":[
                    {"name":"displayName","type":"string","multiValued":false,"required":true,"caseExact":false,"mutability":"readOnly","returned":"default","uniqueness":"none"},
                    {"name":"members","type":"complex","multiValued":true,"required":false,"mutability":"readOnly","returned":"default"}],
                   "meta":{"resourceType":"Schema","location":"/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group"}}]}"""));
    }
}
