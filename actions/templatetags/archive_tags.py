from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    """`{{ labels|get_item:kind }}`: a dictionary lookup by a variable key."""
    return mapping.get(key, key)


MONTHS = (
    "January February March April May June July August September October November December"
).split()


@register.filter
def longdate(day) -> str:
    """`January 25, 2017`: what `|date:"F j, Y"` prints, without its localisation machinery,
    which cost a fifth of a results page's rendering."""
    if not day:
        return ""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


@register.filter
def thousands(number) -> str:
    """`6,704`: counts read at a glance."""
    try:
        return f"{int(number):,}"
    except (TypeError, ValueError):
        return str(number)
