package dev.mamori.directory.internal.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.directory.internal.PersonRepository;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM 2.0 provisioning of directory people (Users) and read-only departments (Groups).
 *
 * <p>Mapping: User {@code id} = person id; {@code userName}, {@code externalId} and the name parts are kept in
 * {@code directory.scim_user} (a person not provisioned yet answers with their e-mail, else 社員番号, as
 * userName); {@code displayName} (else {@code name.formatted}, else family + given name) = 氏名; the primary
 * (else first) of {@code emails} = e-mail; {@code title} = 役職; the enterprise extension's {@code employeeNumber}
 * = 社員番号 (required), {@code department} = the primary department by code or name, {@code manager.value} =
 * the id of another User, kept as a reference (the directory's 管理責任者 belong to departments, not people).
 * {@code groups} lists the person's departments. A new person is 正社員 joining today with the placeholder
 * ふりがな ミトウロク for HR to correct (providers carry no kana). {@code active} false (or DELETE) becomes a leave
 * notice with today as notice and last working day, for HR to confirm and correct — never an immediate leave;
 * active true again withdraws that notice. Only a change of the value the provider sent counts.
 *
 * <p>Group {@code id} = department id, {@code displayName} = 部門名, {@code externalId} = department code,
 * {@code members} = the people currently belonging to it. Every change goes through {@link Directory}'s methods,
 * so the ledger records it with the provisioning token's account as actor.
 */
@Service
public class ScimProvisioning {

    public static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String KANA_PLACEHOLDER = "ミトウロク";
    static final int MAX_COUNT = 200;

    private final Directory directory;
    private final PersonRepository persons;
    private final ScimLinks links;
    private final Ledger ledger;
    private final Notifications notifications;
    private final JsonMapper json;

    ScimProvisioning(Directory directory, PersonRepository persons, ScimLinks links, Ledger ledger,
                     Notifications notifications, JsonMapper json) {
        this.directory = directory;
        this.persons = persons;
        this.links = links;
        this.ledger = ledger;
        this.notifications = notifications;
        this.json = json;
    }

    // ---------------------------------------------------------------- Users

    /**
     * The Users matching the filter, a page at a time: the filter is written as one parameterised SQL condition
     * over the person and the provider's link, so neither the matching nor the count loads every person.
     */
    @Transactional(readOnly = true)
    public ObjectNode listUsers(String filter, Integer startIndex, Integer count, String baseUrl) {
        ScimFilter.Sql where = ScimFilter.toSql(filter, ScimLinks::columnsOf);
        long total = links.countUsers(where);
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, MAX_COUNT));
        List<Long> ids = size == 0 || start - 1 >= total ? List.of() : links.userIds(where, start - 1, size);
        List<PersonView> people = persons.findAllById(ids);
        Map<Long, ScimLinks.Link> linked = links.findAll(ids);
        Map<Long, DepartmentView> departments = people.isEmpty() ? Map.of() : departmentsById();
        return page((int) total, startIndex, count, (from, n) -> people.stream()
                .map(p -> (JsonNode) user(p, linked.get(p.id()), departments, baseUrl)).toList());
    }

    @Transactional(readOnly = true)
    public ObjectNode getUser(String id, String baseUrl) {
        PersonView p = requirePerson(id);
        return user(p, links.find(p.id()).orElse(null), departmentsById(), baseUrl);
    }

    @Transactional
    public ObjectNode createUser(JsonNode body, String baseUrl) {
        ScimUser u = ScimUser.fromBody(body);
        if (!ScimUser.notBlank(u.userName)) {
            throw ScimException.invalidValue("userName is required");
        }
        if (!ScimUser.notBlank(u.employeeNumber)) {
            throw ScimException.invalidValue("employeeNumber of " + ScimUser.ENTERPRISE + " is required");
        }
        refuseTaken(u, null);
        long id = translate(() -> directory.registerPerson(draft(u, null)));
        boolean active = u.active == null || u.active;
        saveLink(id, u, active, "directory.scim.userProvisioned");
        if (!active) {
            deactivate(id);
        }
        return getUser(String.valueOf(id), baseUrl);
    }

    @Transactional
    public ObjectNode replaceUser(String id, JsonNode body, String baseUrl) {
        PersonView p = requirePerson(id);
        return write(p, ScimUser.fromBody(body), baseUrl);
    }

    @Transactional
    public ObjectNode patchUser(String id, JsonNode body, String baseUrl) {
        PersonView p = requirePerson(id);
        ScimUser u = current(p, links.find(p.id()).orElse(null));
        ScimPatch.apply(u, body);
        return write(p, u, baseUrl);
    }

    /** DELETE: the provider no longer provisions the person; Mamori records a leave notice for HR (no deletion). */
    @Transactional
    public void deleteUser(String id) {
        PersonView p = requirePerson(id);
        ScimLinks.Link link = links.find(p.id()).orElse(null);
        ScimUser u = current(p, link);
        u.active = false;
        saveLink(p.id(), u, false, "directory.scim.userDeprovisioned");
        deactivate(p.id());
    }

    private ObjectNode write(PersonView p, ScimUser u, String baseUrl) {
        if (!ScimUser.notBlank(u.userName)) {
            throw ScimException.invalidValue("userName is required");
        }
        if (!ScimUser.notBlank(u.employeeNumber)) {
            u.employeeNumber = p.employeeNumber();
        }
        refuseTaken(u, p.id());
        ScimLinks.Link before = links.find(p.id()).orElse(null);
        PersonDraft draft = draft(u, p);
        if (changed(p, draft)) {
            translate(() -> {
                directory.updatePerson(p.id(), draft, p.version());
                return 0L;
            });
        }
        boolean wasActive = before == null ? activeOf(p) : before.active();
        boolean active = u.active == null ? wasActive : u.active;
        saveLink(p.id(), u, active, "directory.scim.userUpdated");
        if (wasActive && !active) {
            deactivate(p.id());
        } else if (!wasActive && active) {
            reactivate(p.id());
        }
        return getUser(String.valueOf(p.id()), baseUrl);
    }

    /** The provider deactivated the person: a leave notice (today, today) for HR to confirm, and HR is told. */
    private void deactivate(long personId) {
        PersonView p = directory.findPerson(personId).orElseThrow();
        if (p.status() == PersonStatus.LEFT || p.status() == PersonStatus.LEAVING) {
            return;
        }
        if (p.status() == PersonStatus.PROSPECTIVE) {
            return;
        }
        translate(() -> {
            directory.notifyLeave(personId, directory.today(), directory.today());
            return 0L;
        });
        notifications.toRole(Role.HR, new Notice("directory.scim.deactivated", List.of(p.name(), p.employeeNumber()),
                "/directory/people/" + personId));
    }

    private void reactivate(long personId) {
        PersonView p = directory.findPerson(personId).orElseThrow();
        if (p.status() == PersonStatus.LEAVING) {
            translate(() -> {
                directory.retractLeave(personId);
                return 0L;
            });
        }
    }

    private void saveLink(long personId, ScimUser u, boolean active, String action) {
        Long manager = null;
        if (ScimUser.notBlank(u.managerId)) {
            manager = parseId(u.managerId).filter(m -> directory.findPerson(m).isPresent())
                    .orElseThrow(() -> ScimException.invalidValue("manager " + u.managerId + " is not a known User"));
        }
        ScimLinks.Link link = new ScimLinks.Link(personId, u.userName.strip(), u.externalId, u.givenName, u.familyName,
                manager, active, null, null);
        ScimLinks.Link before = links.find(personId).orElse(null);
        links.save(link);
        if (before == null || !Objects.equals(before.userName(), link.userName())
                || !Objects.equals(before.externalId(), link.externalId())
                || !Objects.equals(before.managerPersonId(), link.managerPersonId()) || before.active() != active) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("userName", link.userName());
            d.put("externalId", link.externalId());
            d.put("managerPersonId", manager);
            d.put("active", active);
            ledger.record(action, Subject.of("person", personId), d);
        }
    }

    private void refuseTaken(ScimUser u, Long self) {
        links.findByUserName(u.userName.strip()).filter(l -> !Objects.equals(l.personId(), self)).ifPresent(l -> {
            throw new ScimException(409, "uniqueness", "userName " + u.userName + " is taken");
        });
        if (u.externalId != null) {
            links.findByExternalId(u.externalId).filter(l -> !Objects.equals(l.personId(), self)).ifPresent(l -> {
                throw new ScimException(409, "uniqueness", "externalId " + u.externalId + " is taken");
            });
        }
        directory.findPersonByEmployeeNumber(u.employeeNumber.strip()).filter(p -> !Objects.equals(p.id(), self)).ifPresent(p -> {
            throw new ScimException(409, "uniqueness", "employeeNumber " + u.employeeNumber + " is taken");
        });
    }

    private PersonDraft draft(ScimUser u, PersonView before) {
        String name = u.fullName();
        if (name == null) {
            throw ScimException.invalidValue("displayName or name is required");
        }
        Long primary;
        List<Long> additional = new ArrayList<>();
        if (ScimUser.notBlank(u.department)) {
            primary = departmentNamed(u.department).map(DepartmentView::id)
                    .orElseThrow(() -> ScimException.invalidValue("department " + u.department + " is not a known department"));
            if (before != null) {
                before.departments().stream().skip(1).map(PersonView.DepartmentRef::id)
                        .filter(d -> !d.equals(primary)).forEach(additional::add);
            }
        } else if (before != null && before.primaryDepartment() != null) {
            primary = before.primaryDepartment().id();
            before.departments().stream().skip(1).map(PersonView.DepartmentRef::id).forEach(additional::add);
        } else {
            throw ScimException.invalidValue("department of " + ScimUser.ENTERPRISE + " is required");
        }
        return new PersonDraft(u.employeeNumber.strip(), name, before == null ? KANA_PLACEHOLDER : before.nameKana(),
                u.email, u.title, before == null ? EmploymentType.REGULAR : before.employmentType(),
                before == null ? null : before.employer(), primary, additional,
                before == null ? directory.today() : before.joinedOn());
    }

    private static boolean changed(PersonView p, PersonDraft d) {
        return !Objects.equals(p.employeeNumber(), d.employeeNumber()) || !Objects.equals(p.name(), d.name())
                || !Objects.equals(p.email(), d.email()) || !Objects.equals(p.position(), d.position())
                || !Objects.equals(p.departments().stream().map(PersonView.DepartmentRef::id).toList(), d.allDepartmentIds());
    }

    /** The user as Mamori holds it now, for PATCH to change. */
    private ScimUser current(PersonView p, ScimLinks.Link link) {
        ScimUser u = new ScimUser();
        u.userName = link != null ? link.userName() : defaultUserName(p);
        u.externalId = link == null ? null : link.externalId();
        u.givenName = link == null ? null : link.givenName();
        u.familyName = link == null ? null : link.familyName();
        u.displayName = p.name();
        u.email = p.email();
        u.title = p.position();
        u.active = link != null ? link.active() : activeOf(p);
        u.employeeNumber = p.employeeNumber();
        u.department = p.primaryDepartment() == null ? null : p.primaryDepartment().code();
        u.managerId = link == null || link.managerPersonId() == null ? null : String.valueOf(link.managerPersonId());
        return u;
    }

    private ObjectNode user(PersonView p, ScimLinks.Link link, Map<Long, DepartmentView> departments, String baseUrl) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(ScimUser.CORE).add(ScimUser.ENTERPRISE);
        n.put("id", String.valueOf(p.id()));
        if (link != null && link.externalId() != null) {
            n.put("externalId", link.externalId());
        }
        n.put("userName", link != null ? link.userName() : defaultUserName(p));
        ObjectNode name = n.putObject("name");
        name.put("formatted", p.name());
        if (link != null && link.familyName() != null) {
            name.put("familyName", link.familyName());
        }
        if (link != null && link.givenName() != null) {
            name.put("givenName", link.givenName());
        }
        n.put("displayName", p.name());
        if (p.position() != null) {
            n.put("title", p.position());
        }
        n.put("active", link != null ? link.active() : activeOf(p));
        if (p.email() != null) {
            ObjectNode e = n.putArray("emails").addObject();
            e.put("value", p.email());
            e.put("type", "work");
            e.put("primary", true);
        }
        ArrayNode groups = n.putArray("groups");
        for (PersonView.DepartmentRef d : p.departments()) {
            ObjectNode g = groups.addObject();
            g.put("value", String.valueOf(d.id()));
            g.put("display", d.nameJa());
            g.put("$ref", baseUrl + "/Groups/" + d.id());
        }
        ObjectNode ent = n.putObject(ScimUser.ENTERPRISE);
        ent.put("employeeNumber", p.employeeNumber());
        if (p.primaryDepartment() != null) {
            ent.put("department", p.primaryDepartment().nameJa());
        }
        if (link != null && link.managerPersonId() != null) {
            ObjectNode m = ent.putObject("manager");
            m.put("value", String.valueOf(link.managerPersonId()));
            m.put("$ref", baseUrl + "/Users/" + link.managerPersonId());
            directory.findPerson(link.managerPersonId()).ifPresent(mp -> m.put("displayName", mp.name()));
        }
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "User");
        if (link != null) {
            meta.put("created", link.createdAt().toString());
            meta.put("lastModified", link.updatedAt().toString());
        }
        meta.put("location", baseUrl + "/Users/" + p.id());
        meta.put("version", "W/\"" + p.version() + "\"");
        return n;
    }

    /** Active for the provider: not 退職予定 or 退職済. */
    private static boolean activeOf(PersonView p) {
        return p.status() != PersonStatus.LEAVING && p.status() != PersonStatus.LEFT;
    }

    private static String defaultUserName(PersonView p) {
        return p.email() != null ? p.email() : p.employeeNumber();
    }

    // ---------------------------------------------------------------- Groups (departments, read-only)

    @Transactional(readOnly = true)
    public ObjectNode listGroups(String filter, Integer startIndex, Integer count, boolean members, String baseUrl) {
        List<DepartmentView> all = directory.listDepartments().stream().filter(DepartmentView::active).toList();
        Predicate<DepartmentView> predicate = ScimFilter.parse(filter, d -> attribute -> switch (attribute) {
            case "id" -> List.of(String.valueOf(d.id()));
            case "displayname" -> java.util.Arrays.asList(d.nameJa(), d.nameEn());
            case "externalid" -> List.of(d.code());
            default -> java.util.Collections.singletonList(null);
        });
        List<DepartmentView> matching = all.stream().filter(predicate).toList();
        Map<Long, List<PersonView>> byDepartment = members ? membersByDepartment() : Map.of();
        return page(matching.size(), startIndex, count, (from, size) -> matching.subList(from, from + size).stream()
                .map(d -> (JsonNode) group(d, byDepartment.getOrDefault(d.id(), List.of()), members, baseUrl)).toList());
    }

    @Transactional(readOnly = true)
    public ObjectNode getGroup(String id, boolean members, String baseUrl) {
        DepartmentView d = parseId(id).flatMap(i -> directory.listDepartments().stream().filter(x -> x.id() == i).findFirst())
                .orElseThrow(() -> ScimException.notFound(id));
        return group(d, members ? membersByDepartment().getOrDefault(d.id(), List.of()) : List.of(), members, baseUrl);
    }

    private ObjectNode group(DepartmentView d, List<PersonView> people, boolean members, String baseUrl) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(GROUP);
        n.put("id", String.valueOf(d.id()));
        n.put("externalId", d.code());
        n.put("displayName", d.nameJa());
        if (members) {
            ArrayNode m = n.putArray("members");
            for (PersonView p : people) {
                ObjectNode x = m.addObject();
                x.put("value", String.valueOf(p.id()));
                x.put("display", p.name());
                x.put("$ref", baseUrl + "/Users/" + p.id());
            }
        }
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("location", baseUrl + "/Groups/" + d.id());
        return n;
    }

    private Map<Long, List<PersonView>> membersByDepartment() {
        Map<Long, List<PersonView>> out = new HashMap<>();
        directory.forEachPerson(1000, page -> page.stream().filter(p -> p.status().current())
                .forEach(p -> p.departments().forEach(d -> out.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(p))));
        return out;
    }

    // ---------------------------------------------------------------- shared

    private ObjectNode page(int total, Integer startIndex, Integer count,
                            java.util.function.BiFunction<Integer, Integer, List<JsonNode>> slice) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, MAX_COUNT));
        int from = Math.min(start - 1, total);
        int n = Math.min(size, total - from);
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add(LIST);
        list.put("totalResults", total);
        list.put("startIndex", start);
        list.put("itemsPerPage", n);
        ArrayNode resources = list.putArray("Resources");
        slice.apply(from, n).forEach(resources::add);
        return list;
    }

    private Map<Long, DepartmentView> departmentsById() {
        Map<Long, DepartmentView> out = new HashMap<>();
        directory.listDepartments().forEach(d -> out.put(d.id(), d));
        return out;
    }

    private Optional<DepartmentView> departmentNamed(String text) {
        String t = text.strip();
        return directory.findDepartmentByCode(t).filter(DepartmentView::active).or(() -> directory.listDepartments().stream()
                .filter(DepartmentView::active)
                .filter(d -> t.equals(d.nameJa()) || (d.nameEn() != null && t.equalsIgnoreCase(d.nameEn())))
                .findFirst());
    }

    private PersonView requirePerson(String id) {
        return parseId(id).flatMap(directory::findPerson).orElseThrow(() -> ScimException.notFound(id));
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Directory refusals as SCIM errors: a conflict is {@code uniqueness}, invalid input {@code invalidValue}. */
    private static long translate(java.util.function.Supplier<Long> work) {
        try {
            return work.get();
        } catch (ConflictException e) {
            throw new ScimException(409, "uniqueness", e.messageKey() + (e.field() == null ? "" : " (" + e.field() + ")"));
        } catch (InvalidInputException e) {
            throw ScimException.invalidValue(e.messageKey() + (e.field() == null ? "" : " (" + e.field() + ")"));
        } catch (MamoriException e) {
            throw new ScimException(e.status(), null, e.messageKey());
        }
    }
}
