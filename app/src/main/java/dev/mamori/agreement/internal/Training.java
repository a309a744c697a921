package dev.mamori.agreement.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;

/**
 * Training and awareness (3-4 (1)④ a 研修, 認識向上): courses held in a room or taken as e-learning with a
 * comprehension check and an acknowledgement, assigned to departments, completion by department, and
 * reminders. HR and the 統括責任者 create, assign and record attendance; a person takes their own; managers
 * follow their departments; the committee and AUDITOR read everything.
 */
@Service
public class Training {

    private static final Set<PersonStatus> WORKING = Set.of(PersonStatus.ACTIVE, PersonStatus.ON_LEAVE, PersonStatus.LEAVING);

    private final TrainingRepository repository;
    private final Directory directory;
    private final Ledger ledger;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final AgreementProperties properties;
    private final Clock clock;

    Training(TrainingRepository repository, Directory directory, Ledger ledger, Notifications notifications,
             CurrentUsers users, AgreementProperties properties, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.ledger = ledger;
        this.notifications = notifications;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    public boolean canManage() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.CHIEF_OFFICER)).orElse(false);
    }

    public boolean canFollow() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.AUDITOR, Role.MANAGER))
                .orElse(false);
    }

    private CurrentUser requireManager() {
        CurrentUser user = users.require();
        if (!canManage()) {
            throw new AccessRefusedException("agreement.training.manageRefused");
        }
        return user;
    }

    @Transactional
    public Course create(String title, Course.Kind kind, String material, List<Course.Question> quiz, int passMark,
                         String acknowledgement) {
        CurrentUser user = requireManager();
        if (title == null || title.isBlank()) {
            throw InvalidInputException.onField("title", "agreement.training.titleRequired");
        }
        if (passMark < 0 || passMark > 100) {
            throw InvalidInputException.onField("passMark", "agreement.training.passMarkRange");
        }
        String ack = acknowledgement == null || acknowledgement.isBlank()
                ? "研修の内容を理解しました。今後の秘密情報の取扱いに注意します。" : acknowledgement.strip();
        long id = repository.insertCourse(title.strip(), kind, material == null ? "" : material.strip(),
                quiz == null ? List.of() : quiz, passMark, ack, user.displayName());
        ledger.record("agreement.training.created", subject(id), Map.of("title", title.strip(), "kind", kind.name(),
                "questions", quiz == null ? 0 : quiz.size(), "passMark", passMark));
        return repository.course(id).orElseThrow();
    }

    /** Everyone signed in reads courses (the material is what they are asked to learn). */
    @Transactional(readOnly = true)
    public List<Course> courses() {
        users.require();
        return repository.courses();
    }

    @Transactional(readOnly = true)
    public Course course(long id) {
        users.require();
        return repository.course(id).orElseThrow(() -> new NotFoundException("agreement.training.notFound", id));
    }

    /**
     * Assigns a course to the people working now in the departments (with sub-departments; none: everyone);
     * ledger {@code agreement.training.assigned}.
     */
    @Transactional
    public int assign(long courseId, List<Long> departmentIds, LocalDate dueOn) {
        requireManager();
        return assignAs(repository.course(courseId).orElseThrow(() -> new NotFoundException("agreement.training.notFound",
                courseId)), departmentIds, dueOn);
    }

    void assignForDemo(long courseId) {
        assignAs(repository.course(courseId).orElseThrow(), List.of(), today().plusDays(properties.trainingDays()));
    }

    Course createForDemo() {
        List<Course.Question> quiz = Course.parseQuiz("""
                Q: 「極秘」と表示された資料を社外に持ち出すときに必要なことは？
                - 上司に口頭で伝えれば足りる
                * 管理責任者の許可を得て、自ら携行し紛失しないよう管理する
                - 持ち出しは自由である
                Q: 退職するときに、業務で使った資料を自宅に残していた場合は？
                - 記念に保管してよい
                * 会社に返還し、私物の媒体に残るデータは消去して報告する
                - 次の勤務先で参考にしてよい
                Q: 前の勤務先の秘密情報を業務で使うよう求められたら？
                - 役に立つなら使ってよい
                - 上司の指示なら使ってよい
                * 使わず、持ち込まず、必要なら上司やコンプライアンス窓口に相談する
                """);
        long id = repository.insertCourse("秘密情報の取扱い基礎研修（e-ラーニング）", Course.Kind.ELEARNING, """
                秘密情報は、表示（極秘・社外秘・部外秘）に従って取り扱います。アクセスできるのは指定された人だけです。
                持ち出し、複製、社外への提供には、区分ごとに定められた許可と手順が必要です。
                退職時には資料を返還し、私物の媒体に残った情報を消去します。他社の秘密情報は持ち込みません。""",
                quiz, 100, "研修の内容を理解しました。今後の秘密情報の取扱いに注意します。", Templates.SYSTEM);
        ledger.record("agreement.training.created", subject(id), Map.of("title", "秘密情報の取扱い基礎研修", "demo", true));
        return repository.course(id).orElseThrow();
    }

    private int assignAs(Course course, List<Long> departmentIds, LocalDate dueOn) {
        long courseId = course.id();
        Set<Long> scope = null;
        if (departmentIds != null && !departmentIds.isEmpty()) {
            scope = new HashSet<>();
            for (Long d : departmentIds) {
                scope.addAll(directory.departmentSubtree(d));
            }
        }
        Set<Long> finalScope = scope;
        List<long[]> people = new ArrayList<>();
        directory.forEachPerson(1000, page -> {
            for (PersonView p : page) {
                if (!WORKING.contains(p.status())) {
                    continue;
                }
                Long d = p.primaryDepartment() == null ? null : p.primaryDepartment().id();
                if (finalScope != null && p.departments().stream().noneMatch(x -> finalScope.contains(x.id()))) {
                    continue;
                }
                people.add(new long[] {p.id(), d == null ? -1 : d});
            }
        });
        LocalDate due = dueOn != null ? dueOn : today().plusDays(properties.trainingDays());
        int added = repository.assign(courseId, people, today(), due);
        ledger.record("agreement.training.assigned", subject(courseId), Map.of("title", course.title(),
                "departments", departmentIds == null ? List.of() : departmentIds, "people", added, "dueOn", due.toString()));
        for (long[] p : people) {
            notifications.toPerson(p[0], new Notice("agreement.notice.training", List.of(course.title(), due.toString()),
                    "/training/" + courseId));
        }
        return added;
    }

    /**
     * The caller takes an e-learning course: their answers are scored and, when the score reaches the pass
     * mark and they acknowledge, the course is completed ({@code agreement.training.completed}); otherwise
     * the attempt is recorded ({@code agreement.training.attempted}) and they may try again.
     */
    @Transactional
    public Assignment take(long courseId, List<Integer> answers, boolean acknowledged) {
        CurrentUser user = users.require();
        Course course = course(courseId);
        if (user.personId() == null) {
            throw new ConflictException("agreement.training.noPerson");
        }
        Assignment a = repository.assignment(courseId, user.personId())
                .orElseThrow(() -> new ConflictException("agreement.training.notAssigned", course.title()));
        if (a.done()) {
            throw new ConflictException("agreement.training.alreadyDone", course.title());
        }
        if (course.kind() != Course.Kind.ELEARNING) {
            throw new ConflictException("agreement.training.classroom", course.title());
        }
        if (!acknowledged) {
            throw InvalidInputException.onField("acknowledged", "agreement.training.acknowledgementRequired");
        }
        int score = course.score(answers);
        boolean passed = score >= course.passMark();
        repository.attempt(courseId, user.personId(), score, passed ? Instant.now(clock) : null, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("personId", user.personId());
        details.put("title", course.title());
        details.put("score", score);
        details.put("passMark", course.passMark());
        details.put("acknowledgement", course.acknowledgement());
        ledger.record(passed ? "agreement.training.completed" : "agreement.training.attempted", subject(courseId), details);
        return repository.assignment(courseId, user.personId()).orElseThrow();
    }

    /** HR records attendance of a classroom training; ledger {@code agreement.training.recorded}. */
    @Transactional
    public int recordAttendance(long courseId, List<Long> personIds) {
        CurrentUser user = requireManager();
        Course course = course(courseId);
        int n = 0;
        List<Long> recorded = new ArrayList<>();
        for (Long p : personIds) {
            var a = repository.assignment(courseId, p);
            if (a.isEmpty()) {
                throw InvalidInputException.onField("personIds", "agreement.training.personNotAssigned", p);
            }
            if (!a.get().done()) {
                repository.attempt(courseId, p, 100, Instant.now(clock), user.displayName());
                recorded.add(p);
                n++;
            }
        }
        ledger.record("agreement.training.recorded", subject(courseId), Map.of("title", course.title(), "people", recorded));
        return n;
    }

    /** Attendance by 社員番号 (comma, space or line separated). */
    @Transactional
    public int recordAttendanceByNumbers(long courseId, String employeeNumbers) {
        requireManager();
        List<Long> ids = new ArrayList<>();
        for (String n : (employeeNumbers == null ? "" : employeeNumbers).split("[\\s,、]+")) {
            if (n.isBlank()) {
                continue;
            }
            ids.add(directory.findPersonByEmployeeNumber(n.strip()).map(PersonView::id)
                    .orElseThrow(() -> InvalidInputException.onField("employeeNumbers", "agreement.pledge.employeeUnknown", n)));
        }
        if (ids.isEmpty()) {
            throw InvalidInputException.onField("employeeNumbers", "agreement.pledge.employeeUnknown", "");
        }
        return recordAttendance(courseId, ids);
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> departmentOptions() {
        return directory.listDepartments().stream().filter(DepartmentView::active).toList();
    }

    /** The caller's own trainings, open ones first. */
    @Transactional(readOnly = true)
    public List<Assignment> mine() {
        Long person = users.require().personId();
        return person == null ? List.of() : repository.ofPerson(person);
    }

    List<Assignment> openOf(long personId) {
        return repository.ofPerson(personId).stream().filter(a -> !a.done()).toList();
    }

    /** Completion by department: everywhere for HR, the 統括責任者, the committee and AUDITOR; a manager's departments. */
    @Transactional(readOnly = true)
    public List<Completion> completion(long courseId) {
        CurrentUser user = users.require();
        if (!canFollow()) {
            throw new AccessRefusedException("agreement.training.followRefused");
        }
        course(courseId);
        return completion(repository.ofCourse(courseId), user);
    }

    private List<Completion> completion(List<Assignment> assignments, CurrentUser user) {
        boolean everywhere = user.hasAny(Role.HR, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.AUDITOR);
        Set<Long> visible = new HashSet<>();
        if (!everywhere) {
            user.managedDepartmentIds().forEach(d -> visible.addAll(directory.departmentSubtree(d)));
        }
        Map<Long, DepartmentView> departments = new HashMap<>();
        directory.listDepartments().forEach(d -> departments.put(d.id(), d));
        LocalDate today = today();
        Map<Long, List<Assignment>> by = assignments.stream()
                .filter(a -> everywhere || a.departmentId() != null && visible.contains(a.departmentId()))
                .collect(Collectors.groupingBy(a -> a.departmentId() == null ? -1L : a.departmentId(), LinkedHashMap::new,
                        Collectors.toList()));
        List<Completion> out = new ArrayList<>();
        by.forEach((d, list) -> {
            DepartmentView v = departments.get(d);
            out.add(new Completion(d < 0 ? null : d, v == null ? "—" : v.nameJa(), v == null ? "—" : v.nameEn(),
                    list.size(), (int) list.stream().filter(Assignment::done).count(),
                    (int) list.stream().filter(a -> a.overdue(today)).count()));
        });
        out.sort(java.util.Comparator.comparing(Completion::nameJa));
        return out;
    }

    /** Completion over all courses (evidence for 認識向上). */
    @Transactional(readOnly = true)
    public int[] totals() {
        List<Assignment> all = repository.all();
        return new int[] {all.size(), (int) all.stream().filter(Assignment::done).count()};
    }

    /**
     * People behind on a training (past the due date, not reminded within the interval) are reminded together
     * with their department's managers; ledger {@code agreement.training.reminded}. Returns how many.
     */
    @Transactional
    public int remindOverdue() {
        LocalDate today = today();
        List<Assignment> due = repository.dueForReminder(today, properties.reminderIntervalDays());
        Map<Long, List<Assignment>> byCourse = due.stream().collect(Collectors.groupingBy(Assignment::courseId));
        byCourse.forEach((course, list) -> {
            String title = list.get(0).courseTitle();
            for (Assignment a : list) {
                notifications.toPerson(a.personId(), new Notice("agreement.notice.trainingReminder",
                        List.of(title, a.dueOn().toString()), "/training/" + course));
            }
            list.stream().map(Assignment::departmentId).filter(java.util.Objects::nonNull).distinct()
                    .forEach(d -> notifications.toManagersOf(d, new Notice("agreement.notice.trainingDepartment",
                            List.of(title), "/training/" + course)));
            repository.markReminded(course, list.stream().map(Assignment::personId).toList(), today);
            ledger.record("agreement.training.reminded", subject(course), Map.of("title", title,
                    "people", list.stream().map(Assignment::personId).toList()));
        });
        return due.size();
    }

    /** Demo: completes an e-learning for a person as if they had taken it. */
    void completeForDemo(long courseId, long personId, int score) {
        repository.attempt(courseId, personId, score, Instant.now(clock), null);
        ledger.record("agreement.training.completed", subject(courseId), Map.of("personId", personId, "score", score,
                "demo", true));
    }

    static Subject subject(long courseId) {
        return Subject.of("training", courseId);
    }
}
