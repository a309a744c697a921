package dev.mamori.inventory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.DeclarationDraft;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.EvaluationDraft;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.inventory.Stage;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.DemoDataLoader;

/**
 * The demo manufacturer's register: about 60 entries across the departments the directory holds, at
 * every stage (registered, evaluated, decided, designated 社外秘 or 極秘, reclassified, declassified,
 * marked 不要情報, disposed) and a few declarations. Departments are matched by words in their names;
 * departments without a 管理責任者 (in them or above them) are skipped. Without departments nothing is
 * created. Written through the repositories as the system, with ledger entries.
 */
@Component
class InventoryDemoData implements DemoDataLoader {

    /** department words | name | kind/subKind | forms (FORM:where;...) | origin[:party] | regimes | plan */
    private static final String CATALOG = """
            設計,開発|A100型ポンプの設計図面と公差設定|DESIGN|ELECTRONIC:PDMサーバー /design/A100;DOCUMENT:設計室 施錠キャビネット|OWN|TS|T
            設計,開発|B200型成形機の金型設計データ|DESIGN|ELECTRONIC:CAD共有フォルダ;OBJECT:金型倉庫|OWN|TS|D
            設計,開発|新型センサーの回路図とファームウェア|DESIGN|ELECTRONIC:Gitサーバー firmware/sensor|OWN|TS|T
            研究,開発|高耐熱樹脂の配合比率と試験結果|MATERIAL_RECIPE|ELECTRONIC:研究データサーバー;DOCUMENT:実験ノート|OWN|TS|T
            研究,開発|次世代モーターの評価試験データ|TEST_DATA|ELECTRONIC:評価ラボ NAS|OWN|TS|E
            研究,開発|X社と共同開発中の制御アルゴリズム|RESEARCH|ELECTRONIC:共同開発用クラウド|JOINT:X工業株式会社|TS,CONTRACT|X
            研究,開発|Y社から受領した部品仕様書（NDA対象）|DESIGN|DOCUMENT:開発部 施錠キャビネット|RECEIVED:Y電機株式会社|CONTRACT|D
            研究,開発|旧型ポンプC50の設計資料|DESIGN|DOCUMENT:書庫B|OWN||Z
            研究,開発|公知となった旧型継手の寸法表|DESIGN|ELECTRONIC:設計共有フォルダ|OWN||C
            研究,開発|試作品P-7（量産前の筐体）|DESIGN|OBJECT:試作品保管庫|OWN|TS|D
            研究,開発|特許出願予定の冷却構造のアイデア|RESEARCH|DOCUMENT:発明提案書;KNOWHOW:開発担当2名|OWN|TS|P
            研究,開発|輸出規制対象の高精度加工技術資料|DESIGN|ELECTRONIC:管理区域サーバー|OWN|TS,EXPORT|T
            工場,製造,生産|射出成形の温度・圧力条件|MANUFACTURING_KNOWHOW|ELECTRONIC:生産管理システム;KNOWHOW:成形課 熟練者3名|OWN|TS|T
            工場,製造,生産|第2工場の生産ラインレイアウト|MANUFACTURING_KNOWHOW|OBJECT:第2工場;DOCUMENT:工場管理室|OWN|TS|D
            工場,製造,生産|熟練工による研磨仕上げのノウハウ|MANUFACTURING_KNOWHOW|KNOWHOW:仕上げ班 班長・副班長|OWN|TS|E
            工場,製造,生産|溶接ロボットの教示プログラム|MANUFACTURING_KNOWHOW|ELECTRONIC:ロボットコントローラ・バックアップNAS|OWN|TS|D
            工場,製造,生産|外注先Z社への製造委託仕様|MANUFACTURING_KNOWHOW|DOCUMENT:購買契約ファイル|OWN|CONTRACT|R
            工場,製造,生産|工程ごとの不良率と原因分析|TEST_DATA|ELECTRONIC:品質データベース|OWN||E
            工場,製造,生産|廃番品D10の作業手順書|MANUFACTURING_KNOWHOW|DOCUMENT:製造課 書棚|OWN||U
            工場,製造,生産|設備メーカーから受領した保守マニュアル|MANUAL|DOCUMENT:保全課|RECEIVED:設備メーカーW社|CONTRACT|R
            品質|出荷検査の判定基準と限度見本|TEST_DATA|DOCUMENT:品質保証課;OBJECT:限度見本棚|OWN|TS|D
            品質|顧客クレームの記録と対策|TEST_DATA|ELECTRONIC:クレーム管理システム|OWN|PERSONAL|E
            品質|信頼性試験（加速寿命試験）の方法|TEST_DATA|ELECTRONIC:品質保証共有フォルダ|OWN||P
            品質|ISO監査の指摘事項と是正記録|MANAGEMENT|DOCUMENT:品質保証課|OWN||R
            営業,販売|主要顧客別の取引単価表|PRICING|ELECTRONIC:販売管理システム|OWN|TS|T
            営業,販売|顧客リスト（担当者の連絡先を含む）|CUSTOMER|ELECTRONIC:CRM クラウドサービス|OWN|TS,PERSONAL|D
            営業,販売|来期の販売計画と値上げ方針|SALES_PLAN|ELECTRONIC:営業企画フォルダ|OWN|TS|X
            営業,販売|大口案件V社向け見積書|PRICING|ELECTRONIC:案件管理システム;DOCUMENT:営業部 施錠キャビネット|OWN|TS|D
            営業,販売|代理店との取引条件|SUPPLIER|DOCUMENT:営業管理課|OWN|CONTRACT|E
            営業,販売|展示会で配布した製品カタログ|MANUAL|DOCUMENT:営業部|OWN||C
            営業,販売|接客・提案のトークマニュアル|MANUAL|ELECTRONIC:営業ポータル|OWN|TS|P
            営業,販売|契約終了したQ社から受領した需要予測|SALES_PLAN|ELECTRONIC:営業部 個人フォルダ|RECEIVED:Q商事株式会社|CONTRACT|U
            営業,販売|販売店向け発注データの共有基盤|SALES_PLAN|ELECTRONIC:販売店ポータル|OWN|LIMITED|D
            購買,調達,製造|部品ごとの仕入れ価格と購買先|SUPPLIER|ELECTRONIC:購買管理システム|OWN|TS|D
            購買,調達,製造|代替調達先の評価結果|SUPPLIER|ELECTRONIC:購買課フォルダ|OWN|TS|E
            購買,調達,製造|仕入先R社の原価開示資料|PRICING|DOCUMENT:購買課 施錠キャビネット|RECEIVED:R金属株式会社|CONTRACT|D
            購買,調達,製造|取引終了したS社の見積書|PRICING|DOCUMENT:購買課 書庫|RECEIVED:S化成株式会社|CONTRACT|Z
            人事|従業員の人事考課と給与|HR_FINANCE|ELECTRONIC:人事システム|OWN|PERSONAL,SENSITIVE|T
            人事|健康診断結果|HR_FINANCE|ELECTRONIC:健康管理システム;DOCUMENT:人事課 施錠保管庫|OWN|PERSONAL,SENSITIVE|T
            人事|採用選考の評価記録|HR_FINANCE|ELECTRONIC:採用管理クラウド|OWN|PERSONAL|D
            人事|退職者の秘密保持誓約書|HR_FINANCE|DOCUMENT:人事課 施錠キャビネット|OWN|PERSONAL|D
            人事|教育研修の受講記録|HR_FINANCE|ELECTRONIC:研修管理システム|OWN|PERSONAL|R
            経理,財務,経営企画|月次決算と部門別損益|HR_FINANCE|ELECTRONIC:会計システム|OWN|TS|D
            経理,財務,経営企画|製品別の原価計算|PRICING|ELECTRONIC:原価管理システム|OWN|TS|T
            経理,財務,経営企画|取引銀行との借入条件|HR_FINANCE|DOCUMENT:経理課 金庫|OWN|CONTRACT|E
            経理,財務,経営企画|旧会計システムの移行済みデータ|HR_FINANCE|ELECTRONIC:旧サーバー|OWN||U
            総務,経営,企画|中期経営計画（公表前）|MANAGEMENT|ELECTRONIC:経営企画フォルダ;DOCUMENT:役員会議資料|OWN|TS|T
            総務,経営,企画|M&A候補企業の検討資料|MANAGEMENT|ELECTRONIC:経営企画 限定フォルダ|OWN|TS|T
            総務,経営,企画|取締役会議事録|MANAGEMENT|DOCUMENT:総務課 金庫|OWN||D
            総務,経営,企画|工場の入退室記録|MANAGEMENT|ELECTRONIC:入退室管理システム|OWN|PERSONAL|E
            総務,経営,企画|来客受付簿|MANAGEMENT|DOCUMENT:受付|OWN|PERSONAL|R
            情報,システム,IT|ネットワーク構成図とサーバー設定|MANAGEMENT|ELECTRONIC:構成管理DB|OWN|TS|D
            情報,システム,IT|基幹システムのソースコード|DESIGN|ELECTRONIC:Gitサーバー erp|OWN|TS|E
            情報,システム,IT|クラウドサービスの管理者アカウント一覧|MANAGEMENT|ELECTRONIC:パスワード管理ツール|OWN||T
            情報,システム,IT|ベンダーから受領した脆弱性診断報告書|MANAGEMENT|DOCUMENT:情報システム課|RECEIVED:診断ベンダーT社|CONTRACT|D
            法務,知財|特許出願中の発明の明細書案|RESEARCH|ELECTRONIC:知財管理システム|OWN|TS|P
            法務,知財|係争中案件の証拠資料|MANAGEMENT|DOCUMENT:法務課 施錠キャビネット|OWN|CONTRACT|T
            法務,知財|秘密保持契約書の原本|MANAGEMENT|DOCUMENT:法務課 書庫|OWN|CONTRACT|R
            法務,知財|他社特許の調査報告|RESEARCH|ELECTRONIC:知財共有フォルダ|OWN||E
            """;

    private final Directory directory;
    private final AssetRepository assets;
    private final EvaluationRepository evaluations;
    private final DecisionRepository decisions;
    private final DeclarationRepository declarations;
    private final Ledger ledger;
    private final InventoryProperties properties;

    InventoryDemoData(Directory directory, AssetRepository assets, EvaluationRepository evaluations,
                      DecisionRepository decisions, DeclarationRepository declarations, Ledger ledger,
                      InventoryProperties properties) {
        this.directory = directory;
        this.assets = assets;
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.declarations = declarations;
        this.ledger = ledger;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        List<DepartmentView> departments = directory.listDepartments().stream().filter(DepartmentView::active).toList();
        Map<Long, Long> managerOf = new HashMap<>();
        for (DepartmentView d : departments) {
            responsibleFor(d, departments).ifPresent(p -> managerOf.put(d.id(), p));
        }
        List<DepartmentView> usable = departments.stream().filter(d -> managerOf.containsKey(d.id())).toList();
        if (usable.isEmpty()) {
            return;
        }
        LocalDate today = directory.today();
        int i = 0;
        for (String line : CATALOG.strip().split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            DepartmentView dept = match(f[0], usable, i++);
            long responsible = managerOf.get(dept.id());
            AssetSubKind sub = AssetSubKind.valueOf(f[2]);
            List<FormEntry> forms = new ArrayList<>();
            for (String form : f[3].split(";")) {
                String[] p = form.split(":", 2);
                forms.add(new FormEntry(AssetForm.valueOf(p[0]), p.length > 1 ? p[1] : null));
            }
            String[] origin = f[4].split(":", 2);
            String regimes = f[5];
            LegalRegimes r = new LegalRegimes(regimes.contains("TS"), regimes.contains("LIMITED"),
                    regimes.contains("PERSONAL"), regimes.contains("PERSONAL") ? 300 + i * 37 : null,
                    regimes.contains("SENSITIVE"), regimes.contains("EXPORT"), regimes.contains("CONTRACT"),
                    regimes.contains("CONTRACT") ? (origin.length > 1 ? origin[1] : "取引先各社") : null);
            AssetDraft draft = new AssetDraft(f[1], null, dept.id(), responsible, sub.kind(), sub, forms,
                    Origin.valueOf(origin[0]), origin.length > 1 ? origin[1] : null,
                    origin.length > 1 ? "秘密保持契約に基づく" : null, r);
            // spread review dates so that some are overdue
            LocalDate review = today.plus(properties.reviewInterval()).minusMonths(i % 14);
            long id = assets.insert(draft, review);
            ledger.record("inventory.asset.registered", Subject.of("asset", id), Map.of("name", f[1], "demo", true));
            stage(id, f[6], dept, responsible, sub.kind(), r, today, i);
        }
        declare(usable, today);
    }

    private void stage(long id, String plan, DepartmentView dept, long responsible, AssetKind kind, LegalRegimes r,
                       LocalDate today, int i) {
        if (plan.equals("R")) {
            return;
        }
        assets.updateStage(id, i % 3 == 0 ? Stage.STORED : Stage.IN_USE);
        int base = switch (plan) {
            case "T" -> 5;
            case "D", "X", "P" -> 4;
            case "E" -> 3;
            default -> 2;
        };
        evaluate(id, responsible, base, i, today);
        if (plan.equals("E")) {
            return;
        }
        if (plan.equals("U") || plan.equals("Z")) {
            assets.markUnneeded(id, plan.equals("Z") ? "製品の販売終了により使用見込みがない" : "保有する権限を失った他社の情報");
            ledger.record("inventory.asset.markedUnneeded", Subject.of("asset", id), Map.of("demo", true));
            if (plan.equals("Z")) {
                assets.dispose(id, new Disposal("溶解処理（専門業者、証明書受領）", today.minusDays(10), responsible, null));
                ledger.record("inventory.asset.disposed", Subject.of("asset", id), Map.of("demo", true));
            }
            return;
        }
        SecrecyOutcome chosen = plan.equals("P") ? SecrecyOutcome.PATENT_SECRET_UNTIL_PUBLICATION
                : plan.equals("C") ? SecrecyOutcome.STANDARDISE_OR_PUBLISH : SecrecyOutcome.KEEP_SECRET;
        SecrecyAnswers answers = new SecrecyAnswers(plan.equals("P"), kind == AssetKind.TECHNICAL && !plan.equals("P"),
                r.contractualDuty() || r.personalInfo(), plan.equals("C"), kind != AssetKind.TECHNICAL, r.limitedProvisionData(),
                null, null, null, null);
        decisions.insert(id, answers, SecrecyDecisionPolicy.recommend(kind, r, answers).outcome(), chosen,
                "管理責任者が部門内で協議のうえ決定", responsible);
        ledger.record("inventory.asset.secrecyDecided", Subject.of("asset", id), Map.of("chosen", chosen.name(), "demo", true));
        String level = plan.equals("T") ? "TOP_SECRET" : "CONFIDENTIAL";
        List<AccessHolder> holders = plan.equals("T")
                ? List.of(AccessHolder.person(responsible), AccessHolder.role("CHIEF_OFFICER"))
                : List.of(AccessHolder.department(dept.id()));
        String event = plan.equals("P") ? "特許出願の公開まで" : null;
        LocalDate until = event == null ? today.plusYears(3) : null;
        assets.designate(id, new DesignationDraft(level, holders, until, event, null, null),
                level.equals("TOP_SECRET") ? "極秘" : "社外秘", responsible, today.minusDays(30));
        ledger.record("inventory.asset.designated", Subject.of("asset", id), Map.of("levelId", level, "demo", true));
        if (plan.equals("X")) {
            assets.designate(id, new DesignationDraft("TOP_SECRET", List.of(AccessHolder.person(responsible)), until, null,
                    null, null), "極秘", responsible, today);
            ledger.record("inventory.asset.reclassified", Subject.of("asset", id),
                    Map.of("levelId", "TOP_SECRET", "reason", "値上げ方針が取締役会で承認されたため", "demo", true));
        }
        if (plan.equals("C")) {
            assets.declassify(id);
            ledger.record("inventory.asset.declassified", Subject.of("asset", id), Map.of("reason", "公開済み", "demo", true));
        }
    }

    private void evaluate(long id, long by, int base, int i, LocalDate today) {
        Map<String, EvaluationDraft.Score> scores = new HashMap<>();
        int k = 0;
        for (var c : evaluations.criteria()) {
            int score = Math.max(1, Math.min(5, base + ((i + k++) % 3) - 1));
            scores.put(c.code(), new EvaluationDraft.Score(score, "部門内の評価会議での判断（" + c.nameJa() + "）"));
        }
        long max = switch (base) {
            case 5 -> 1_500_000_000L;
            case 4 -> 200_000_000L;
            case 3 -> 30_000_000L;
            default -> 3_000_000L;
        };
        EvaluationDraft draft = new EvaluationDraft(scores, max / 5, max, null);
        int total = scores.values().stream().mapToInt(EvaluationDraft.Score::score).sum();
        long evaluationId = evaluations.insert(id, by, total, draft);
        evaluations.markLatest(id, evaluationId, today.plus(properties.reviewInterval()).minusMonths(i % 15));
        ledger.record("inventory.asset.evaluated", Subject.of("asset", id), Map.of("total", total, "demo", true));
    }

    private void declare(List<DepartmentView> usable, LocalDate today) {
        DepartmentView first = usable.get(0);
        Long declarant = first.managers().isEmpty() ? null : first.managers().get(0).id();
        if (declarant == null) {
            return;
        }
        long a = declarations.insert(declarant, first.id(), new DeclarationDraft("試作で見つけた接着剤の硬化条件",
                "試作3回目で最適条件を特定", AssetKind.TECHNICAL, AssetForm.KNOWHOW, "試作担当", Origin.OWN, null), today.minusDays(9));
        ledger.record("inventory.declaration.submitted", Subject.of("declaration", a), Map.of("demo", true));
        long b = declarations.insert(declarant, first.id(), new DeclarationDraft("展示会で入手した競合のパンフレット",
                null, AssetKind.BUSINESS, AssetForm.DOCUMENT, "営業部", Origin.RECEIVED, "展示会"), today.minusDays(2));
        declarations.handle(b, "REJECTED", declarant, today, "公開資料のため秘密情報に当たらない", null);
        ledger.record("inventory.declaration.rejected", Subject.of("declaration", b), Map.of("demo", true));
    }

    /** A 管理責任者 of the department, or of the nearest department above it that has one. */
    private static Optional<Long> responsibleFor(DepartmentView d, List<DepartmentView> all) {
        for (DepartmentView cur = d; cur != null; ) {
            if (!cur.managers().isEmpty()) {
                return Optional.of(cur.managers().get(0).id());
            }
            Long parent = cur.parentId();
            cur = parent == null ? null : all.stream().filter(x -> x.id() == parent).findFirst().orElse(null);
        }
        return Optional.empty();
    }

    private static DepartmentView match(String words, List<DepartmentView> usable, int i) {
        for (String w : words.split(",")) {
            for (DepartmentView d : usable) {
                if (d.nameJa().contains(w)) {
                    return d;
                }
            }
        }
        return usable.get(i % usable.size());
    }
}
