-- Answers to the reflection prompts in lessons (domain/course/prompt_answer.h).
-- The text is sealed with SecretBox (hex) before it reaches this table; the
-- associated data names the lesson, prompt and owner.
CREATE TABLE prompt_answers (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  sealed_text TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, lesson_id, prompt_id)
);
