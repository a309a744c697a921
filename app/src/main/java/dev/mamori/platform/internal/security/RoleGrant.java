package dev.mamori.platform.internal.security;

import java.io.Serializable;

import dev.mamori.platform.Role;

/**
 * A role held by an account; {@code departmentId} is set only for {@link Role#MANAGER}.
 */
public record RoleGrant(Role role, Long departmentId) implements Serializable {
}
