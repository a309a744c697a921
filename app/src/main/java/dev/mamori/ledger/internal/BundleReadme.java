package dev.mamori.ledger.internal;

/**
 * The README of an evidence bundle, Japanese first, then English.
 */
final class BundleReadme {

    private BundleReadme() {
    }

    static String text(long treeSize, boolean builtInTsa) {
        String tsaJa = builtInTsa
                ? "**注意: この証拠パッケージのタイムスタンプは Mamori 内蔵のタイムスタンプ局 (TSA) によるものです。内蔵 TSA は"
                  + "認定された第三者ではなく、この Mamori が自分の時計でその時刻にチェックポイントを持っていたことを示すにとどまります。**"
                  + "第三者による時刻の証明が必要な場合は、設定 `mamori.ledger.tsa-url` で認定タイムスタンプ局を指定してください。"
                : "タイムスタンプは設定された外部のタイムスタンプ局 (TSA) によるものです。";
        String tsaEn = builtInTsa
                ? "**Note: the time-stamps in this bundle come from Mamori's built-in time-stamping authority. It is NOT an "
                  + "accredited third party: it shows only that this Mamori installation held the checkpoint at that time by "
                  + "its own clock.** For third-party proof of time, configure an accredited TSA with `mamori.ledger.tsa-url`."
                : "The time-stamps come from the configured external time-stamping authority (TSA).";
        return """
                # Mamori 証拠パッケージ / Mamori evidence bundle

                ## 日本語

                この ZIP は、Mamori の監査証跡 (台帳) から選んだ記録と、それらが改ざんされていないことを **Mamori のサーバーを
                信頼せずに** 確かめるための材料一式です。

                | ファイル | 内容 |
                |---|---|
                | `entries.jsonl` | 記録。1行に1件、RFC 8785 の正規化 JSON (UTF-8) |
                | `proofs/inclusion.jsonl` | 各記録の包含証明 (最新チェックポイント、木のサイズ %1$d に対して) |
                | `proofs/consistency.jsonl` | 連続するチェックポイント間の整合性証明 |
                | `checkpoints/<サイズ>.note` | 署名付きチェックポイント (C2SP signed note、Ed25519) |
                | `checkpoints/<サイズ>.tsr` | そのチェックポイント (.note ファイル全体) に対する RFC 3161 タイムスタンプ応答 |
                | `tsa/ca.pem`, `tsa/tsa.pem` | タイムスタンプ局の CA 証明書と TSA 証明書 |
                | `verifier-key.txt` | チェックポイント署名の検証鍵 |
                | `manifest.json` | 抽出条件、件数、最新チェックポイントのサイズ |

                %2$s

                ### mamori-verify.jar で一括検証する

                ```sh
                java -jar mamori-verify.jar verify-bundle この証拠パッケージ.zip --key "<会社が公開している検証鍵>"
                ```

                JDK と Bouncy Castle だけで動きます。各検査の結果を日本語と英語で表示し、すべて成立したときだけ終了コード 0、
                一つでも不成立なら 1、ファイルが読めないときは 2 を返します。`--key` には、会社が契約書や Web サイトなど
                改変しにくい場所で公開している検証鍵を指定してください (省略するとパッケージ内の `verifier-key.txt` だけで確かめます)。

                ### 手作業で確かめる

                1. **記録のハッシュ**: n 行目の記録の葉ハッシュは SHA-256(0x00 ‖ 行のバイト列) です。
                   ```sh
                   sed -n 1p entries.jsonl | tr -d '\\n' | { printf '\\000'; cat; } | sha256sum
                   ```
                   結果が `proofs/inclusion.jsonl` の同じ `seq` の行の `leafHash` と一致することを確かめます。
                2. **チェックポイントのルート**: `checkpoints/<サイズ>.note` の3行目が木のルートハッシュ (Base64) です。
                   ```sh
                   sed -n 3p checkpoints/%1$d.note | base64 -d | od -An -tx1 | tr -d ' \\n'; echo
                   ```
                3. **包含証明**: 記録がそのルートの木に含まれることを確かめます (値は inclusion.jsonl から)。
                   ```sh
                   java -jar mamori-verify.jar verify-inclusion --index <leafIndex> --size <treeSize> \\
                     --leaf-hash <leafHash> --proof <proof をカンマ区切り> --root <手順2のルート>
                   ```
                   RFC 6962 の手順どおりなので、他の実装 (例えば Go の transparency-dev/merkle) でも確かめられます。
                4. **整合性証明**: 古いチェックポイントの木が新しい木の先頭部分であることを、`verify-consistency` で確かめます。
                5. **チェックポイントの署名**: `.note` の空行より前が署名対象、`— ` で始まる行が Ed25519 署名です
                   (C2SP signed-note 形式、検証鍵は `verifier-key.txt`)。
                6. **タイムスタンプ (RFC 3161)**:
                   ```sh
                   openssl ts -verify -data checkpoints/%1$d.note -in checkpoints/%1$d.tsr -CAfile tsa/ca.pem
                   ```
                   `Verification: OK` と表示されれば、そのチェックポイントがタイムスタンプの時刻に存在していたことが確かめられます。
                   時刻は `openssl ts -reply -in checkpoints/%1$d.tsr -text` で表示できます。

                ## English

                This ZIP holds entries selected from Mamori's audit ledger and everything needed to check, **without trusting
                the Mamori server**, that they were not altered: entries as canonical JSON (RFC 8785) lines, their inclusion
                proofs against the latest checkpoint (tree size %1$d), consistency proofs between consecutive checkpoints,
                the signed checkpoints (C2SP signed notes, Ed25519), an RFC 3161 time-stamp of each checkpoint file, the TSA's
                certificates and the verifier key.

                %3$s

                Verify everything at once (exit code 0 only when every check holds, 1 when one fails, 2 on bad input):

                ```sh
                java -jar mamori-verify.jar verify-bundle this-bundle.zip --key "<the verifier key the company publishes>"
                ```

                By hand: (1) an entry's leaf hash is SHA-256(0x00 ‖ line bytes):
                `sed -n 1p entries.jsonl | tr -d '\\n' | { printf '\\000'; cat; } | sha256sum`, equal to its `leafHash` in
                `proofs/inclusion.jsonl`; (2) a checkpoint's root is line 3 of its `.note` (base64); (3) check inclusion with
                `mamori-verify.jar verify-inclusion` (or any RFC 6962 implementation); (4) check consistency between
                checkpoints with `verify-consistency`; (5) the signature lines of a `.note` are Ed25519 over the text before the
                blank line; (6) check each time-stamp with
                `openssl ts -verify -data checkpoints/%1$d.note -in checkpoints/%1$d.tsr -CAfile tsa/ca.pem`
                (expect `Verification: OK`).
                """.formatted(treeSize, tsaJa, tsaEn);
    }
}
