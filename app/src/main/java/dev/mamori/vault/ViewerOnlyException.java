package dev.mamori.vault;

import dev.mamori.platform.AccessRefusedException;

/**
 * The caller may view the document but not download it, so it is not handed over as a file: it is shown in
 * the document viewer ({@link Vault#openViewer}) as page images instead.
 */
public class ViewerOnlyException extends AccessRefusedException {

    public ViewerOnlyException() {
        super("vault.view.viewerOnly");
    }
}
