package dev.mamori.inventory.web;

import dev.mamori.inventory.AssetView;

/**
 * An entry over the API, with the naming warning (if any) as a message key.
 */
record AssetResponse(AssetView asset, String nameWarning) {
}
