"""``{% figures target %}``: a published target's latest figures, labelled, and when they were read."""

from django import template

from posts import metrics

register = template.Library()


@register.inclusion_tag("posts/_figures.html")
def figures(target):
    return {"items": metrics.shown(target.metrics or {}), "collected_at": target.metrics_collected_at}
