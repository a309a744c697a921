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
        SpringApplication.run(MamoriApplication.class, args);
    }
}
