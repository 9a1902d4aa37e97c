from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    """`{{ labels|get_item:kind }}`: a dictionary lookup by a variable key."""
    return mapping.get(key, key)
