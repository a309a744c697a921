package dev.mamori.lifecycle.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.lifecycle.HireDraft;
import dev.mamori.lifecycle.LentKind;
import dev.mamori.lifecycle.StepState;
import dev.mamori.lifecycle.Upload;
import dev.mamori.platform.InvalidInputException;

/** The form records of the lifecycle pages (and request bodies of the API). */
final class Forms {

    private Forms() {
    }

    /** A step confirmed by hand. */
    record StepForm(@NotNull(message = "{lifecycle.step.outcomeInvalid}") StepState.Status status,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @NotBlank(message = "{lifecycle.step.noteRequired}")
                    @Size(max = 2000, message = "{lifecycle.step.noteTooLong}") String note) {
    }

    /** An item lent to a person. */
    record LendForm(@NotBlank(message = "{lifecycle.item.personRequired}") String employeeNumber,
                    @NotNull(message = "{lifecycle.item.kindRequired}") LentKind kind,
                    @NotBlank(message = "{lifecycle.item.labelRequired}") @Size(max = 200, message = "{lifecycle.text.tooLong}") String label,
                    @Size(max = 200, message = "{lifecycle.text.tooLong}") String serial,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lentOn) {
    }

    /** The return of a lent item. */
    record ReturnForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                      @Size(max = 2000, message = "{lifecycle.text.tooLong}") String note) {
    }

    /** A hire from a competitor. */
    record HireForm(@NotBlank(message = "{lifecycle.item.personRequired}") String employeeNumber,
                    @NotBlank(message = "{lifecycle.hire.previousEmployerRequired}") @Size(max = 200, message = "{lifecycle.text.tooLong}") String previousEmployer,
                    @Size(max = 200, message = "{lifecycle.text.tooLong}") String previousPosition,
                    Boolean keyPerson,
                    @Size(max = 4000, message = "{lifecycle.text.tooLong}") String confidentialityDuties,
                    @Size(max = 4000, message = "{lifecycle.text.tooLong}") String nonCompeteDuties,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nonCompeteUntil,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate interviewedOn,
                    @Size(max = 8000, message = "{lifecycle.text.tooLong}") String interviewRecord,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pledgeSignedOn,
                    @Size(max = 4000, message = "{lifecycle.text.tooLong}") String pledgeNote,
                    @Size(max = 4000, message = "{lifecycle.text.tooLong}") String hiringReason,
                    Integer version) {

        HireDraft draft() {
            return new HireDraft(employeeNumber, previousEmployer, previousPosition, Boolean.TRUE.equals(keyPerson),
                    confidentialityDuties, nonCompeteDuties, nonCompeteUntil, interviewedOn, interviewRecord,
                    pledgeSignedOn, pledgeNote, hiringReason);
        }
    }

    /** A confirmation of a hire's assigned work. */
    record CheckForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
                     @NotBlank(message = "{lifecycle.hire.checkNoteRequired}") @Size(max = 2000, message = "{lifecycle.text.tooLong}") String note) {
    }

    /** The alumni (OB会) contact of a leaver: consent, postal address and/or e-mail, the day, a note. */
    record AlumniForm(@NotNull(message = "{lifecycle.alumni.consentRequired}") Boolean consent,
                      @Size(max = 500, message = "{lifecycle.text.tooLong}") String address,
                      @Size(max = 320, message = "{lifecycle.text.tooLong}") String email,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                      @Size(max = 2000, message = "{lifecycle.text.tooLong}") String note) {
    }

    /** Turns the first binding error into the field error pages and the API show. */
    static void refuseInvalid(BindingResult binding) {
        if (binding.hasErrors()) {
            var error = binding.getFieldErrors().isEmpty() ? null : binding.getFieldErrors().get(0);
            throw InvalidInputException.onField(error == null ? "form" : error.getField(), "lifecycle.form.invalid");
        }
    }

    static Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Upload.none();
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
