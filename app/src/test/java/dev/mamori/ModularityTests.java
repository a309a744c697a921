package dev.mamori;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds (no cycles, no access to another module's internals), and the
 * generated module documentation in {@code docs/modules/} is rewritten from it.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MamoriApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Written to {@code target/} first; a file in {@code docs/modules/} is replaced only when its content changed,
     * not when only the order of its lines did (the documenter lists events and dependencies in no stable order,
     * which rewrote a dozen files on every build).
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path generated = Path.of("target/modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        Path docs = Path.of("../docs/modules");
        Files.createDirectories(docs);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path kept = docs.resolve(file.getFileName().toString());
                if (!Files.exists(kept) || !sameLines(file, kept)) {
                    Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(docs.resolve("all-docs.adoc")).exists();
    }

    /** The same lines in any order (a table cell's first item carries the cell's "|", so it is set aside). */
    private static boolean sameLines(Path a, Path b) throws IOException {
        return normalised(a).equals(normalised(b));
    }

    private static List<String> normalised(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.startsWith("|* ") ? l.substring(1) : l).sorted().toList();
    }
}
