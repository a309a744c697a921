/**
 * Cross-cutting platform: accounts, login, API tokens, roles and their scopes, the web layout,
 * navigation, dashboard, languages (日本語 / English) and error handling shared by every module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform (基盤)", allowedDependencies = "ledger")
package dev.mamori.platform;
