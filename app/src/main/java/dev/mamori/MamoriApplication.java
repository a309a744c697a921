package dev.mamori;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Mamori (守り): secret-information management following METI's 秘密情報の保護ハンドブック.
 */
@Modulithic(systemName = "Mamori", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class MamoriApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "vault".equals(args[0])) {
            // mamori vault identify FILE: a command, not the server (see VaultCommand)
            System.exit(dev.mamori.vault.VaultCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out,
                    dev.mamori.vault.VaultCommand.bootLookup(() -> new org.springframework.boot.builder.SpringApplicationBuilder(
                            MamoriApplication.class).web(org.springframework.boot.WebApplicationType.NONE)
                            .properties("spring.main.banner-mode=off", "mamori.demo=false").run())));
        }
        SpringApplication.run(MamoriApplication.class, args);
    }
}
