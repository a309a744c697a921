package dev.mamori.directory.web.scim;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.directory.internal.scim.ScimProvisioning;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users (RFC 7644 3.2-3.6): directory people, for an identity provider's provisioning token. */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUserController extends ScimErrors {

    private final ScimProvisioning scim;

    ScimUserController(ScimProvisioning scim, JsonMapper json) {
        super(json);
        this.scim = scim;
    }

    @GetMapping
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
                                    @RequestParam(required = false) Integer startIndex,
                                    @RequestParam(required = false) Integer count, HttpServletRequest request) {
        return ok(scim.listUsers(filter, startIndex, count, base(request)));
    }

    @GetMapping("/{id}")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> show(@PathVariable String id, HttpServletRequest request) {
        return ok(scim.getUser(id, base(request)));
    }

    @PostMapping
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode body, HttpServletRequest request) {
        ObjectNode created = scim.createUser(body, base(request));
        return ResponseEntity.created(URI.create(created.get("meta").get("location").asString())).contentType(SCIM)
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        return ok(scim.replaceUser(id, body, base(request)));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> patch(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        return ok(scim.patchUser(id, body, base(request)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<Void> delete(@PathVariable String id) {
        scim.deleteUser(id);
        return ResponseEntity.noContent().build();
    }
}
