/**
 * The classification scheme (秘密情報の分類) and the handling standard (秘密情報管理基準) as data, and the
 * decision function that answers whether a person may do something with an entry of a given level; the
 * regulations generated from them, their versions and their acknowledgement by the people in scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy (秘密情報管理基準)",
        allowedDependencies = {"platform", "ledger", "directory"})
package dev.mamori.policy;
