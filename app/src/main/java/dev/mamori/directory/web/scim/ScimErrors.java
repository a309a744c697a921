package dev.mamori.directory.web.scim;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.mamori.directory.internal.scim.ScimException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM error responses (RFC 7644 3.12) for the SCIM controllers, which extend this class: their own exception
 * handlers come before the API's problem+json advice.
 */
abstract class ScimErrors {

    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");
    static final String PROVISIONERS = "hasRole('SYSTEM_ADMIN')";

    final JsonMapper json;

    ScimErrors(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ObjectNode> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ObjectNode> denied(AccessDeniedException e) {
        return error(403, null, "This account may not provision (SYSTEM_ADMIN only)");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e) {
        return error(400, "invalidSyntax", "The request body is not valid JSON");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ObjectNode> missing(NoResourceFoundException e) {
        return error(404, null, "Not found");
    }

    ResponseEntity<ObjectNode> error(int status, String scimType, String detail) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        n.put("status", String.valueOf(status));
        if (scimType != null) {
            n.put("scimType", scimType);
        }
        n.put("detail", detail);
        return ResponseEntity.status(status).contentType(SCIM).body(n);
    }

    static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(SCIM).body(body);
    }

    /** The base URL of the SCIM endpoints as the caller reached them, for {@code location} and {@code $ref}. */
    static String base(jakarta.servlet.http.HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .path("/scim/v2").build().toUriString();
    }
}
