/**
 * Need-to-know access to secret entries (接近の制御): grants, periodic reviews, requests and approvals,
 * and the authorization check every access goes through, in-process and for other systems over HTTP.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access (接近の制御)",
        allowedDependencies = {"platform", "platform::forms", "ledger", "directory", "inventory", "policy", "lifecycle"})
package dev.mamori.access;
