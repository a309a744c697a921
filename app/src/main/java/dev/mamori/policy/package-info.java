/**
 * The classification scheme (秘密情報の分類) and the handling standard (秘密情報管理基準) as data, edited by the
 * 統括責任者 and the committee with departments' exceptions, the decision function over them, and the
 * regulations generated from them with their versions and their acknowledgement by the people in scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy (秘密情報管理基準)",
        allowedDependencies = {"platform", "platform::forms", "platform::pdf", "ledger", "directory"})
package dev.mamori.policy;
