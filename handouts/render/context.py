"""What every renderer receives beside the model and the layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import Problem, key_path


@dataclass
class RenderContext:
    """What a renderer may need beyond the model and layout: where the source
    lives (images are relative to it) and a place to put warnings."""

    source_path: Path
    warnings: list[Problem] = field(default_factory=list)

    def warn(self, message: str, key: str | None = None, hint: str | None = None) -> None:
        """Record a warning about the source (shown by the CLI, never fatal)."""
        problem = Problem(message, file=self.source_path, key=key, hint=hint)
        if problem not in self.warnings:
            self.warnings.append(problem)

    def resolve(self, relative: str) -> Path:
        """A path from the source, resolved next to the source file."""
        return self.source_path.parent / relative

    def picture_alt(self, subject, index: int, template: str = "Picture of {name}") -> str:  # noqa: ANN001 - a Subject
        """A subject picture's text alternative; without an ``image_alt`` one warning
        (the same from every renderer, so it shows once) and ``template`` (the
        layout's ``handout.labels.picture_alt``) filled with the subject's name."""
        from handouts.markup import plain
        from handouts.source.lint import missing_alt

        if subject.image_alt:
            return plain(subject.image_alt)
        message, hint = missing_alt(subject.name)
        self.warn(message, key=key_path("subjects", index, "image_alt"), hint=hint)  # counted from 1, as in errors
        return template.format(name=plain(subject.name))
