package dev.mamori.vault.web;

import org.springframework.web.multipart.MultipartFile;

/** A file alone: a new version of a document, or a leaked copy to identify. */
record FileForm(MultipartFile file) {
}
