package dev.mamori.lifecycle.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.lifecycle.AlumniContact;
import dev.mamori.lifecycle.HireDraft;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LentKind;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StepState;
import dev.mamori.platform.DemoDataLoader;

/**
 * The demo company's lifecycle: lent PCs, phones, ID cards and keys for a few dozen people; two leavers mid-way
 * through their checklists (one has refused the leaving pledge and still holds a USB memory); one engineer hired
 * from a competitor with the interview record and the pledge, due for the periodic check of their work. Every
 * step goes to the ledger as the pages would record it.
 */
@Component
class LifecycleDemoData implements DemoDataLoader {

    private final Directory directory;
    private final Lifecycle lifecycle;
    private final LeaverRepository leavers;
    private final LentItemRepository items;
    private final HireRepository hires;
    private final AlumniContactRepository alumni;
    private final Ledger ledger;

    LifecycleDemoData(Directory directory, Lifecycle lifecycle, LeaverRepository leavers, LentItemRepository items,
                      HireRepository hires, AlumniContactRepository alumni, Ledger ledger) {
        this.alumni = alumni;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.leavers = leavers;
        this.items = items;
        this.hires = hires;
        this.ledger = ledger;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load() {
        List<PersonView> leaving = new ArrayList<>();
        List<PersonView> active = new ArrayList<>();
        directory.forEachPerson(500, page -> page.forEach(p -> {
            if (p.status() == PersonStatus.LEAVING) {
                leaving.add(p);
            } else if (p.status() == PersonStatus.ACTIVE) {
                active.add(p);
            }
        }));
        if (active.isEmpty() || leavers.findAll(true).size() > 0) {
            return;
        }
        LocalDate today = lifecycle.today();
        for (int i = 0; i < Math.min(40, active.size()); i++) {
            PersonView p = active.get(i);
            lend(p.id(), LentKind.PC, "ノートPC", "PC-" + (1000 + i), p.joinedOn());
            lend(p.id(), LentKind.ID_CARD, "社員証・入館証", "ID-" + p.employeeNumber(), p.joinedOn());
            if (i % 4 == 0) {
                lend(p.id(), LentKind.PHONE, "業務用スマートフォン", "SP-" + (200 + i), p.joinedOn());
            }
            if (i % 7 == 0) {
                lend(p.id(), LentKind.KEY, "書庫B の鍵", "KEY-B" + i, p.joinedOn());
            }
        }
        for (int n = 0; n < Math.min(2, leaving.size()); n++) {
            PersonView p = leaving.get(n);
            lifecycle.leaveNotified(p.id(), p.noticeDate(), p.lastWorkingDay());
            long pc = lend(p.id(), LentKind.PC, "ノートPC", "PC-L" + n, p.joinedOn());
            long usb = lend(p.id(), LentKind.USB_MEDIA, "暗号化USBメモリ", "USB-" + n, p.joinedOn());
            lend(p.id(), LentKind.ID_CARD, "社員証・入館証", "ID-" + p.employeeNumber(), p.joinedOn());
            returned(pc, p.noticeDate(), "初期化済みの PC と交換");
            confirm(p.id(), LeaverStep.SECRETS_REVIEWED, StepState.Status.DONE, p.noticeDate(),
                    "退職面談で台帳の一覧を本人と確認。設計図2件の持ち出しなしを確認");
            confirm(p.id(), LeaverStep.ACCESS_RESTRICTED, StepState.Status.DONE, p.noticeDate(),
                    "ファイルサーバーの書込み権限とテレワーク用VPNを停止");
            if (n == 0) {
                returned(usb, p.noticeDate().plusDays(1), "内容を消去して返却");
                confirm(p.id(), LeaverStep.LEAVING_PLEDGE, StepState.Status.DONE, p.noticeDate().plusDays(1),
                        "退職時の秘密保持誓約書に署名（秘密情報の一覧を別紙として添付）");
                LocalDate on = p.noticeDate().plusDays(2).isAfter(today) ? today : p.noticeDate().plusDays(2);
                alumni.save(new AlumniContact(p.id(), true, null, "ob-" + p.employeeNumber().toLowerCase(java.util.Locale.ROOT) + "@example.jp",
                        on, "OB会の会報をメールで受け取りたい", "hr"));
                confirm(p.id(), LeaverStep.ALUMNI_CONTACT, StepState.Status.DONE, on, "OB会の連絡先を記録（メール）");
                leavers.updateAlumniContact(p.id(), "ob-" + p.employeeNumber().toLowerCase(java.util.Locale.ROOT) + "@example.jp");
                ledger.record("lifecycle.alumni.recorded", Subject.of("leaver", p.id()),
                        Map.of("consent", true, "address", false, "email", true, "on", on.toString()));
            } else {
                confirm(p.id(), LeaverStep.NON_COMPETE, StepState.Status.NOT_APPLICABLE, p.noticeDate().plusDays(1),
                        "キーパーソンではないため競業避止義務の合意は求めない");
                confirm(p.id(), LeaverStep.LEAVING_PLEDGE, StepState.Status.REFUSED, p.noticeDate().plusDays(2),
                        "本人が署名を拒否。入社時の誓約書と就業規則の義務が続くことを説明し、面談記録を保存");
            }
        }
        PersonView hire = active.stream().filter(p -> p.joinedOn() != null && p.joinedOn().isAfter(today.minusYears(2)))
                .findFirst().orElse(active.get(active.size() - 1));
        HireDraft draft = new HireDraft(hire.employeeNumber(), "東邦精機株式会社（競合）", "生産技術部 金型設計担当 主任",
                true, "退職時の誓約書により、金型設計データと加工条件を退職後3年間開示しない義務",
                "退職後1年間、同業他社での金型設計業務に就かない旨の誓約（補償なし）。有効性は法務部で確認中",
                hire.joinedOn().plusYears(1), hire.joinedOn().minusDays(40),
                "面接で前職の誓約書の内容を聴取。写しは交付されていないとのこと。記憶の範囲で対象情報を特定した",
                hire.joinedOn(), "前職の資料・データを一切持ち込んでいない、業務で用いない旨を誓約",
                "樹脂成形の量産立ち上げ経験を評価。当社の新ライン立ち上げに配属（前職の製品分野とは異なる）");
        long id = hires.insert(hire.id(), draft, hire.joinedOn());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("personId", hire.id());
        d.put("previousEmployer", draft.previousEmployer());
        d.put("keyPerson", true);
        ledger.record("lifecycle.hire.recorded", Subject.of("hire", id), d);
    }

    private long lend(long personId, LentKind kind, String label, String serial, LocalDate on) {
        LocalDate day = on == null ? lifecycle.today() : on;
        long id = items.insert(personId, kind, label, serial, day);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("personId", personId);
        d.put("kind", kind.name());
        d.put("label", label);
        d.put("serial", serial);
        d.put("lentOn", day.toString());
        ledger.record("lifecycle.item.lent", Subject.of("lentItem", id), d);
        return id;
    }

    private void returned(long id, LocalDate on, String note) {
        items.markReturned(id, on, note);
        ledger.record("lifecycle.item.returned", Subject.of("lentItem", id), Map.of("returnedOn", on.toString(), "note", note));
    }

    private void confirm(long personId, LeaverStep step, StepState.Status status, LocalDate on, String note) {
        LocalDate day = on.isAfter(lifecycle.today()) ? lifecycle.today() : on;
        leavers.saveStep(personId, step, new StepState(status, day, note, null), "hr", null);
        ledger.record("lifecycle.step.confirmed", Subject.of("leaver", personId),
                Map.of("step", step.name(), "status", status.name(), "on", day.toString(), "note", note));
    }
}
