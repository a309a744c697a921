package dev.mamori.agreement.internal;

import java.time.Instant;
import java.util.List;

/**
 * A training (研修) held in a room or taken as e-learning with a short comprehension check (理解度確認): the
 * material, the questions, the share of right answers needed, and the acknowledgement the person makes.
 */
public record Course(long id, String title, Kind kind, String material, List<Question> quiz, int passMark,
                     String acknowledgement, Instant createdAt, String createdBy) {

    public enum Kind {
        CLASSROOM, ELEARNING;

        public String messageKey() {
            return "agreement.training.kind." + name();
        }
    }

    /** A question with its options and the index of the right one. */
    public record Question(String text, List<String> options, int answer) {
    }

    /** The share of right answers in percent (100 for a course without questions). */
    public int score(List<Integer> answers) {
        if (quiz.isEmpty()) {
            return 100;
        }
        int right = 0;
        for (int i = 0; i < quiz.size(); i++) {
            if (answers != null && i < answers.size() && answers.get(i) != null && answers.get(i) == quiz.get(i).answer()) {
                right++;
            }
        }
        return Math.round(100f * right / quiz.size());
    }

    /**
     * Questions written one per block: a line {@code Q: question}, then options, the right one marked
     * {@code * }, the others {@code - }. Refused on {@code quiz} when a question has no or several right options.
     */
    public static List<Question> parseQuiz(String text) {
        List<Question> out = new java.util.ArrayList<>();
        String question = null;
        List<String> options = new java.util.ArrayList<>();
        int answer = -1;
        int answers = 0;
        for (String raw : (text == null ? "" : text).lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Q:") || line.startsWith("Q：")) {
                if (question != null) {
                    out.add(question(question, options, answer, answers));
                }
                question = line.substring(2).strip();
                options = new java.util.ArrayList<>();
                answer = -1;
                answers = 0;
            } else if ((line.startsWith("*") || line.startsWith("-")) && question != null) {
                if (line.startsWith("*")) {
                    answer = options.size();
                    answers++;
                }
                options.add(line.substring(1).strip());
            } else {
                throw dev.mamori.platform.InvalidInputException.onField("quiz", "agreement.training.quizLine", line);
            }
        }
        if (question != null) {
            out.add(question(question, options, answer, answers));
        }
        return out;
    }

    private static Question question(String text, List<String> options, int answer, int answers) {
        if (answers != 1 || options.size() < 2) {
            throw dev.mamori.platform.InvalidInputException.onField("quiz", "agreement.training.quizAnswer", text);
        }
        return new Question(text, List.copyOf(options), answer);
    }
}
