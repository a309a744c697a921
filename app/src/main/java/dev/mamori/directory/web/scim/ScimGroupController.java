package dev.mamori.directory.web.scim;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.directory.internal.scim.ScimProvisioning;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Groups: the directory's departments, read-only (departments are kept in Mamori). */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupController extends ScimErrors {

    private final ScimProvisioning scim;

    ScimGroupController(ScimProvisioning scim, JsonMapper json) {
        super(json);
        this.scim = scim;
    }

    @GetMapping
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
                                    @RequestParam(required = false) Integer startIndex,
                                    @RequestParam(required = false) Integer count,
                                    @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        return ok(scim.listGroups(filter, startIndex, count, !excludes(excludedAttributes), base(request)));
    }

    @GetMapping("/{id}")
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> show(@PathVariable String id, @RequestParam(required = false) String excludedAttributes,
                                    HttpServletRequest request) {
        return ok(scim.getGroup(id, !excludes(excludedAttributes), base(request)));
    }

    @RequestMapping(path = {"", "/{id}"}, method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE})
    @PreAuthorize(PROVISIONERS)
    ResponseEntity<ObjectNode> update() {
        return error(501, null, "Groups are the departments kept in Mamori and are read-only over SCIM");
    }

    private static boolean excludes(String excluded) {
        return excluded != null && excluded.toLowerCase(java.util.Locale.ROOT).contains("members");
    }
}
