package dev.mamori.vault;

import java.util.List;

import org.springframework.context.ApplicationContext;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;

/**
 * One uniquely named department with a 極秘 (TOP_SECRET) entry: its 管理責任者 ({@link #manager}), an access
 * holder named in the designation ({@link #holder}), a colleague in the same department who is not one
 * ({@link #outsider}); every account has the password {@link #PASSWORD}. Works without TestUsers, so the
 * browser test (another context configuration) can use it too.
 */
public final class VaultFixture {

    public static final String PASSWORD = "correct-horse-battery-staple";

    public final long departmentId;
    public final long assetId;
    public final MamoriUserDetails manager;
    public final MamoriUserDetails holder;
    public final MamoriUserDetails outsider;

    private final AccountManagement accounts;
    private final AccountRepository repository;
    private final Directory directory;
    private final Vault vault;
    private final org.springframework.context.MessageSource messages;

    public VaultFixture(ApplicationContext context) {
        this.accounts = context.getBean(AccountManagement.class);
        this.repository = context.getBean(AccountRepository.class);
        this.directory = context.getBean(Directory.class);
        this.vault = context.getBean(Vault.class);
        this.messages = context.getBean(org.springframework.context.MessageSource.class);
        Inventory inventory = context.getBean(Inventory.class);
        MamoriUserDetails hr = account(null, List.of(new RoleGrant(Role.HR, null)));
        departmentId = Register.as(hr, () -> directory.createDepartment(
                new dev.mamori.directory.DepartmentDraft(Register.unique("V"), "金庫部" + Register.unique(""), null, null)));
        manager = account(person(hr, "管理 一郎"), List.of(new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.MANAGER, departmentId)));
        holder = account(person(hr, "保持 花子"), List.of(new RoleGrant(Role.EMPLOYEE, null)));
        outsider = account(person(hr, "部外 次郎"), List.of(new RoleGrant(Role.EMPLOYEE, null)));
        assetId = Register.as(manager, () -> inventory.register(new dev.mamori.inventory.AssetDraft("新型ポンプ設計" + Register.unique(""),
                "説明", departmentId, manager.personId(), dev.mamori.inventory.AssetKind.TECHNICAL,
                dev.mamori.inventory.AssetSubKind.DESIGN,
                List.of(new dev.mamori.inventory.FormEntry(dev.mamori.inventory.AssetForm.ELECTRONIC, "vault")),
                dev.mamori.inventory.Origin.OWN, null, null, dev.mamori.inventory.LegalRegimes.none())));
        Register.as(manager, () -> {
            inventory.designate(assetId, new dev.mamori.inventory.DesignationDraft("TOP_SECRET",
                    List.of(AccessHolder.person(holder.personId())), null, "製品の発売まで", null, "設計情報"));
            return null;
        });
    }

    /** Another account of a new person in the department, with the given unscoped roles. */
    public MamoriUserDetails colleague(String name, Role... roles) {
        MamoriUserDetails hr = account(null, List.of(new RoleGrant(Role.HR, null)));
        List<RoleGrant> grants = new java.util.ArrayList<>();
        grants.add(new RoleGrant(Role.EMPLOYEE, null));
        for (Role r : roles) {
            grants.add(new RoleGrant(r, null));
        }
        return account(person(hr, name), grants);
    }

    /** Another 管理責任者 of the department (a MANAGER scoped to it): neither the entry's responsible person nor a holder. */
    public MamoriUserDetails departmentManager(String name) {
        MamoriUserDetails hr = account(null, List.of(new RoleGrant(Role.HR, null)));
        return account(person(hr, name), List.of(new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.MANAGER, departmentId)));
    }

    /** A one-page PDF uploaded by the manager under the fixture's entry; the document's id. */
    public long uploadPdf(String title) {
        byte[] pdf = dev.mamori.vault.internal.marking.SampleFiles.pdf(
                dev.mamori.vault.internal.marking.MarkFont.locate(null), "検査用の文書", "本文", 1);
        return Register.as(manager, () -> vault.create(assetId, title, new Upload("検査.pdf", "application/pdf", pdf))).id();
    }

    /** A 1x1 PNG uploaded by the manager under the fixture's entry (quick to mark); the document's id. */
    public long uploadPng(String title) {
        byte[] png = dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1);
        return Register.as(manager, () -> vault.create(assetId, title, new Upload("図.png", "image/png", png))).id();
    }

    /** The message in the language, escaped as a page shows it. */
    public String text(String key, String lang, Object... args) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(key, args, java.util.Locale.forLanguageTag(lang)));
    }

    /** An account without a person, holding the roles. */
    public MamoriUserDetails withoutPerson(Role... roles) {
        return account(null, java.util.Arrays.stream(roles).map(r -> new RoleGrant(r, null)).toList());
    }

    private long person(MamoriUserDetails hr, String name) {
        return Register.as(hr, () -> directory.registerPerson(new dev.mamori.directory.PersonDraft(Register.unique("E"), name,
                "てすと", null, "主任", dev.mamori.directory.EmploymentType.REGULAR, null, departmentIdOrNull(), List.of(),
                java.time.LocalDate.now(Directory.JAPAN))));
    }

    private Long departmentIdOrNull() {
        return departmentId == 0 ? null : departmentId;
    }

    private MamoriUserDetails account(Long personId, List<RoleGrant> grants) {
        String username = "vault" + Long.toString(System.nanoTime(), 36);
        long id = accounts.create(username, PASSWORD, "テスト " + username, personId, grants);
        var record = repository.findById(id).orElseThrow();
        return new MamoriUserDetails(record, repository.rolesOf(id));
    }
}
