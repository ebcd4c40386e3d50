"""``{{ problem|problem_text }}``: a network's problem in the reader's language."""

from django import template

from posts.validation import problem_text as _problem_text

register = template.Library()


@register.filter
def problem_text(problem) -> str:
    return _problem_text(problem)
