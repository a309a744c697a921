package dev.mamori.vault.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** A new document under an entry: its title and first file. */
record UploadForm(@NotBlank(message = "{vault.document.titleRequired}") @Size(max = 200, message = "{vault.form.tooLong}") String title,
                  MultipartFile file) {
}
