/**
 * Pledges and agreements (秘密保持誓約書・契約): versioned document templates, the pledges people sign or refuse
 * at joining, project participation and leaving with their register, the non-compete check, and training.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agreement (誓約書・契約・研修)",
        allowedDependencies = {"platform", "platform::forms", "ledger", "directory", "inventory", "policy", "measure",
                "lifecycle"})
package dev.mamori.agreement;
